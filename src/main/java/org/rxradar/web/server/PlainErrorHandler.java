package org.rxradar.web.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answer to requests Jetty refuses before any route sees them (a malformed request line or
 * header, headers too large, a body too slow): the status and one plain sentence. Jetty's own
 * error page echoes the full URI (tokens included) and, for an exception, its Java class and message.
 */
final class PlainErrorHandler implements Request.Handler {
    private final HttpLimits limits;

    PlainErrorHandler(HttpLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int code = response.getStatus();
        if (request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof HttpException http) {
            code = http.getCode();
            response.setStatus(code);
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (HttpStatus.hasNoBody(code) || "HEAD".equals(request.getMethod())) {
            callback.succeeded();
            return true;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.write(true, ByteBuffer.wrap(text(code).getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    /** The status line's words and, where a client can do something about it, what. */
    String text(int code) {
        String reason = HttpStatus.getMessage(code);
        String hint = switch (code) {
            case 400 -> ": the request is not valid HTTP";
            case 408 -> ": the request took too long to arrive";
            case 413 -> ": the request body is larger than " + limits.maxBodyBytes() / 1024 + " KB";
            case 414, 431 -> ": the request line and headers are larger than " + limits.maxHeaderBytes() / 1024 + " KB";
            case 500 -> "; the server log has the details";
            default -> "";
        };
        return code + " " + reason + hint + "\n";
    }
}
