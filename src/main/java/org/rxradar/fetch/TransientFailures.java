package org.rxradar.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;

/**
 * Which transport failures are worth one more try at once: the connection was reset, or closed
 * before a single byte of the answer (an empty response, end of stream). Timeouts, a refused
 * connection, a body over the limit are not: a second try would fail the same way, only later.
 */
final class TransientFailures {
    private TransientFailures() {}

    static boolean isTransient(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof HttpTimeoutException || c instanceof ConnectException
                    || c instanceof BoundedBodySubscriber.BodyTooLargeException || c instanceof BoundedBodySubscriber.AbortedException)
                return false;
            if (c instanceof EOFException) return true;
            String m = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
            if (c instanceof SocketException && (m.contains("reset") || m.contains("broken pipe"))) return true;
            // the JDK client's words for a connection closed before the status line
            if (c instanceof IOException && (m.contains("received no bytes") || m.contains("connection reset")
                    || m.contains("eof reached") || m.contains("connection closed"))) return true;
        }
        return false;
    }
}
