package org.rxradar.fetch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.rxradar.config.RxRadarConfig;

/**
 * The one HTTP client every fetcher shares. Follows redirects itself (to count them and catch
 * loops), bounds the body size, the idle time between bytes and the total time of a fetch, sends
 * conditional-GET validators and maps 304/404/410/429/503 to distinct outcomes.
 */
public final class HttpFetcher {
    private static final Duration POLL = Duration.ofMillis(50);
    /** The pause before the one retry of a GET whose connection was reset or closed without an answer. */
    static final Duration TRANSIENT_RETRY_PAUSE = Duration.ofMillis(300);
    // one daemon thread for every client: it only checks clocks and cancels stalled downloads
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final HttpClient client;
    private final String userAgent;
    private final Duration readTimeout;
    private final Duration totalTimeout;
    private final long maxBodyBytes;
    private final int maxRedirects;
    private final boolean retryTransient;

    public HttpFetcher(RxRadarConfig.Fetch config) {
        this(config, true);
    }

    /** @param retryTransient false: no retry of a reset or empty answer (tests: what the JDK client does alone) */
    HttpFetcher(RxRadarConfig.Fetch config, boolean retryTransient) {
        this.retryTransient = retryTransient;
        this.userAgent = config.userAgent();
        this.readTimeout = config.readTimeout();
        this.totalTimeout = config.totalTimeout();
        this.maxBodyBytes = config.maxBodyBytes();
        this.maxRedirects = config.maxRedirects();
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Fetches {@code url}; {@code validators} may be {@link Validators#NONE}. Transport failures throw. */
    public FetchResponse fetch(URI url, Validators validators) throws FetchException {
        return fetch(url, validators, null);
    }

    /** As {@link #fetch(URI, Validators)} with an Accept header suited to what is expected. */
    public FetchResponse fetch(URI url, Validators validators, String accept) throws FetchException {
        return fetch(url, validators, accept, HttpCall.GET);
    }

    /**
     * As above, with the method, body and extra headers of {@code call} (an API's POST search, a key
     * header). A redirect of a POST is followed with a GET, as browsers do for 301-303.
     */
    public FetchResponse fetch(URI url, Validators validators, String accept, HttpCall call) throws FetchException {
        checkScheme(url);
        long deadline = System.nanoTime() + totalTimeout.toNanos();
        Set<URI> visited = new HashSet<>();
        URI current = url;
        for (int redirects = 0; ; redirects++) {
            if (!visited.add(current)) throw new FetchException("redirect loop at " + current);
            HttpResponse<byte[]> response = exchange(current, validators, accept, redirects == 0 ? call : HttpCall.GET, deadline);
            int status = response.statusCode();
            if (isRedirect(status)) {
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null) throw new FetchException("HTTP " + status + " redirect without a Location header");
                if (redirects >= maxRedirects) {
                    throw new FetchException("more than " + maxRedirects + " redirects (fetch.max-redirects), last to " + location);
                }
                try {
                    current = current.resolve(location.trim().replace(" ", "%20"));
                } catch (IllegalArgumentException e) {
                    throw new FetchException("bad redirect Location '" + location + "'");
                }
                checkScheme(current);
                continue;
            }
            return toResponse(current, response);
        }
    }

    private FetchResponse toResponse(URI finalUrl, HttpResponse<byte[]> response) throws FetchException {
        int status = response.statusCode();
        HttpHeaders h = response.headers();
        Validators got = new Validators(h.firstValue("ETag").orElse(null), h.firstValue("Last-Modified").orElse(null));
        String type = h.firstValue("Content-Type").orElse(null);
        if (status >= 200 && status < 300) {
            byte[] body = Decompressor.decode(response.body() == null ? new byte[0] : response.body(),
                    h.firstValue("Content-Encoding").orElse(null), maxBodyBytes);
            return new FetchResponse(FetchResponse.Outcome.OK, status, finalUrl, type, body, got, null);
        }
        FetchResponse.Outcome outcome = switch (status) {
            case 304 -> FetchResponse.Outcome.NOT_MODIFIED;
            case 404 -> FetchResponse.Outcome.NOT_FOUND;
            case 410 -> FetchResponse.Outcome.GONE;
            case 429, 503 -> FetchResponse.Outcome.RETRY_LATER;
            default -> FetchResponse.Outcome.HTTP_ERROR;
        };
        Duration retryAfter = RetryAfter.parse(h.firstValue("Retry-After").orElse(null), Instant.now());
        return new FetchResponse(outcome, status, finalUrl, type, null, got, retryAfter);
    }

    /**
     * One exchange; a GET whose connection was reset, or closed before any answer (a server
     * restarting, a keep-alive connection dropped by a proxy), is sent once more after a short pause
     * before it counts as a failure. A POST is never repeated: it may have been acted upon.
     */
    private HttpResponse<byte[]> exchange(URI url, Validators validators, String accept, HttpCall call, long deadline)
            throws FetchException {
        try {
            return exchangeOnce(url, validators, accept, call, deadline);
        } catch (FetchException e) {
            long left = deadline - System.nanoTime();
            if (!retryTransient || call.body() != null || !TransientFailures.isTransient(e.getCause())
                    || left <= TRANSIENT_RETRY_PAUSE.toNanos()) throw e;
            try {
                Thread.sleep(TRANSIENT_RETRY_PAUSE.toMillis());
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw e;
            }
            try {
                return exchangeOnce(url, validators, accept, call, deadline);
            } catch (FetchException again) {
                throw new FetchException(again.getMessage() + " (on a retry too)", again.getCause());
            }
        }
    }

    private HttpResponse<byte[]> exchangeOnce(URI url, Validators validators, String accept, HttpCall call, long deadline)
            throws FetchException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) throw new FetchException("total time of " + totalTimeout.toMillis() + " ms exceeded (fetch.total-timeout)");
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(min(readTimeout, Duration.ofNanos(remaining)))
                .header("User-Agent", userAgent)
                .header("Accept-Encoding", "gzip, deflate");
        call.headers().forEach(request::setHeader);
        if (call.body() == null) request.GET();
        else request.header("Content-Type", call.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(call.body()));
        // no h2c upgrade dance on plain http (costly and useless); https negotiates HTTP/2 by ALPN
        if ("http".equalsIgnoreCase(url.getScheme())) request.version(HttpClient.Version.HTTP_1_1);
        if (accept != null) request.header("Accept", accept);
        if (validators.etag() != null) request.header("If-None-Match", validators.etag());
        if (validators.lastModified() != null) request.header("If-Modified-Since", validators.lastModified());

        AtomicReference<BoundedBodySubscriber> body = new AtomicReference<>();
        HttpResponse.BodyHandler<byte[]> handler = info -> {
            // error bodies are never read, so a little of them is kept and the rest dropped
            boolean success = info.statusCode() >= 200 && info.statusCode() < 300;
            long limit = success ? maxBodyBytes : 16 * 1024;
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (success && declared > limit) limit = 0; // fail on the first byte, no download
            BoundedBodySubscriber s = new BoundedBodySubscriber(limit, !success, declared);
            body.set(s);
            return s;
        };
        // The blocking send() rather than sendAsync(): sendAsync hands its result to the common
        // pool, which on a machine with two cores or fewer starts a new thread for every request.
        // The watchdog enforces what the request timeout does not cover: the total time and the
        // idle time between body bytes.
        ScheduledFuture<?> watch = WATCHDOG.scheduleWithFixedDelay(() -> watch(body.get(), deadline),
                POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return client.send(request.build(), handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            BoundedBodySubscriber s = body.get();
            if (s != null) s.cancel();
            throw new FetchException("interrupted");
        } catch (IOException | RuntimeException e) {
            BoundedBodySubscriber s = body.get();
            if (s != null) s.cancel();
            throw translate(e);
        } finally {
            watch.cancel(false);
        }
    }

    // Runs on the watchdog: ends a download that exceeds the total time or stalls between bytes.
    private void watch(BoundedBodySubscriber s, long deadline) {
        if (s == null) return; // no headers yet: the request timeout covers this phase
        long now = System.nanoTime();
        if (now > deadline) {
            s.abort("total time of " + totalTimeout.toMillis() + " ms exceeded (fetch.total-timeout)");
        } else if (now - s.lastActivityNanos() > readTimeout.toNanos()) {
            s.abort("no data for " + readTimeout.toMillis() + " ms (fetch.read-timeout)");
        }
    }

    private static FetchException translate(Throwable cause) {
        Throwable c = cause;
        while (c != null && !(c instanceof BoundedBodySubscriber.BodyTooLargeException)
                && !(c instanceof BoundedBodySubscriber.AbortedException)
                && !(c instanceof HttpTimeoutException) && c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        if (c instanceof BoundedBodySubscriber.BodyTooLargeException) return new FetchException(c.getMessage(), c);
        if (c instanceof BoundedBodySubscriber.AbortedException) return new FetchException(c.getMessage(), c);
        if (c instanceof HttpConnectTimeoutException) return new FetchException("connect timed out (fetch.connect-timeout)", c);
        if (c instanceof HttpTimeoutException) return new FetchException("no response headers in time (fetch.read-timeout)", c);
        if (cause instanceof java.net.ConnectException) return new FetchException("connection refused or unreachable", cause);
        if (cause instanceof IOException) return new FetchException("I/O error: " + describe(cause), cause);
        return new FetchException("fetch failed: " + describe(cause), cause);
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static void checkScheme(URI url) throws FetchException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException("only http and https URLs can be fetched, not '" + url + "'");
        }
        if (url.getHost() == null) throw new FetchException("URL has no host: " + url);
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor w = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "rxradar-http-watchdog");
            t.setDaemon(true);
            return t;
        });
        w.setRemoveOnCancelPolicy(true); // most fetches end long before their first check
        return w;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
