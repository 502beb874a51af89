package org.rxradar.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * POSTs one request to one target, tried again with backoff when the failure may pass: no answer,
 * a timeout, 408, 429 (its Retry-After honoured up to {@link NotifyPolicy#maxRetryAfter}) or 5xx.
 * Another 4xx (a deleted Slack hook, a wrong topic) is not tried again: it would answer the same.
 * Redirects are not followed, so a target cannot send us on to another address.
 */
public final class TargetClient {
    private static final int MAX_ERROR_BODY = 200;
    private final HttpClient http;
    private final NotifyPolicy policy;

    public TargetClient(NotifyPolicy policy) {
        this.policy = policy;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(policy.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Delivery post(URI target, Payloads.Request request) throws InterruptedException {
        int status = 0;
        String error = null;
        for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
            Duration wait = attempt < policy.attempts() ? policy.backoff().get(attempt - 1) : Duration.ZERO;
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(policy.requestTimeout())
                        .header("Content-Type", request.contentType())
                        .header("User-Agent", "RxRadar alerts")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
                for (Map.Entry<String, String> h : request.headers().entrySet()) b.header(h.getKey(), h.getValue());
                HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                if (status >= 200 && status < 300) return new Delivery(true, status, attempt, null);
                error = "HTTP " + status + answer(response.body());
                boolean transient_ = status == 408 || status == 429 || status >= 500;
                if (!transient_) return new Delivery(false, status, attempt, error);
                if (status == 429) {
                    Optional<Duration> after = retryAfter(response);
                    if (after.isPresent()) {
                        if (after.get().compareTo(policy.maxRetryAfter()) > 0)
                            return new Delivery(false, status, attempt, error + "; Retry-After " + after.get().toSeconds() + " s is too long");
                        wait = after.get().compareTo(wait) > 0 ? after.get() : wait;
                    }
                }
            } catch (HttpTimeoutException e) {
                status = 0;
                error = "no answer within " + (e instanceof java.net.http.HttpConnectTimeoutException
                        ? policy.connectTimeout().toMillis() + " ms (connect)" : policy.requestTimeout().toMillis() + " ms");
            } catch (IOException e) {
                status = 0;
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                // a header the HTTP client refuses: trying again would not change it
                return new Delivery(false, 0, attempt, "cannot send: " + e.getMessage());
            }
            if (attempt < policy.attempts()) Thread.sleep(wait.toMillis());
        }
        return new Delivery(false, status, policy.attempts(), error);
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim()))));
            } catch (NumberFormatException e) {
                return Optional.empty(); // an HTTP date: the backoff's own wait is used
            }
        });
    }

    /** The start of the target's answer, one line: what its owner needs to see in {@code subscribers show}. */
    private static String answer(String body) {
        if (body == null || body.isBlank()) return "";
        String line = body.replaceAll("[\\s\\p{Cc}]+", " ").trim();
        return ": " + (line.length() > MAX_ERROR_BODY ? line.substring(0, MAX_ERROR_BODY) + "\u2026" : line);
    }
}
