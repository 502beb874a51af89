package org.rxradar.fetch.ats;

import java.net.URI;
import org.rxradar.fetch.FetchException;

/** An API answered with a status other than 2xx. */
public final class HttpStatusException extends FetchException {
    private final int status;

    public HttpStatusException(int status, String method, URI url) {
        super("HTTP " + status + describe(status) + " from " + method + " " + url);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** 401 and 403: the credentials or the request are wrong, retrying will not help. */
    public boolean refused() {
        return status == 401 || status == 403;
    }

    /** 404 and 410: the posting or listing is not there. */
    public boolean gone() {
        return status == 404 || status == 410;
    }

    private static String describe(int status) {
        return switch (status) {
            case 400 -> " Bad Request";
            case 401 -> " Unauthorized";
            case 403 -> " Forbidden";
            case 404 -> " Not Found";
            case 410 -> " Gone";
            case 429 -> " Too Many Requests";
            case 500 -> " Internal Server Error";
            case 502 -> " Bad Gateway";
            case 503 -> " Service Unavailable";
            default -> "";
        };
    }
}
