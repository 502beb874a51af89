package org.rxradar.web.http;

/**
 * A request the server cannot answer as asked: the status and a short text telling the client why.
 * Thrown from a route, the {@link Router} answers it as plain text that no cache keeps.
 */
public final class HttpProblem extends RuntimeException {
    private final int status;

    public HttpProblem(int status, String message) {
        super(message, null, false, false); // an answer, not a failure: no stack to fill
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static HttpProblem notFound(String message) {
        return new HttpProblem(404, message);
    }

    public static HttpProblem badRequest(String message) {
        return new HttpProblem(400, message);
    }
}
