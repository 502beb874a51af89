package org.rxradar.feeds;

/** A request the server cannot answer as asked: the status and a short text telling the client why. */
public final class HttpProblem extends RuntimeException {
    private final int status;

    public HttpProblem(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static HttpProblem notFound(String message) {
        return new HttpProblem(404, message);
    }

    static HttpProblem badRequest(String message) {
        return new HttpProblem(400, message);
    }
}
