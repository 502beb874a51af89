package org.rxradar.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rxradar.feeds.HttpApi;
import org.rxradar.model.Json;
import org.rxradar.web.page.Masked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscription endpoints:
 * <ul>
 *   <li>{@code GET /subscriptions} — the form, filled in from the query ({@code ?settings=hospital&states=TX})</li>
 *   <li>{@code POST /subscriptions} (form or JSON) — asks for a subscription; answers "check your inbox" (or,
 *       without SMTP, names the outbox directory); a refused form comes back filled in, the error at its field</li>
 *   <li>{@code GET /subscriptions/confirm?token=…} — the link in the confirmation mail: a page with a button
 *       (mail scanners follow links; a GET confirms nothing)</li>
 *   <li>{@code POST /subscriptions/confirm?token=…} — the button: confirms</li>
 *   <li>{@code GET /unsubscribe?token=…} — a page with a button (a GET changes nothing: mail scanners follow links)</li>
 *   <li>{@code POST /unsubscribe?token=…} — unsubscribes; RFC 8058 one-click ({@code List-Unsubscribe=One-Click})</li>
 * </ul>
 * Form posts get HTML back, JSON requests JSON. Requests per client address are limited.
 */
public final class SubscriptionRoutes implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(SubscriptionRoutes.class);
    static final int MAX_BODY = 16 * 1024;
    public static final List<RateLimiter.Limit> PER_CLIENT_LIMITS = List.of(new RateLimiter.Limit(5, Duration.ofMinutes(1)));
    private static final String CHECK_INBOX = "Check your inbox. If %s can be subscribed, a message with a confirmation "
            + "link is on its way; the link works for 48 hours. Nothing is sent until it is opened.";
    private static final String IN_OUTBOX = "No mail server is set up on this RxRadar, so nothing was emailed: if %s can be "
            + "subscribed, the confirmation message was written as an .eml file to the outbox directory %s. Open the link in it "
            + "within 48 hours; nothing is sent until it is opened.";

    private final SubscriptionService service;
    private final RateLimiter perClient;

    public SubscriptionRoutes(SubscriptionService service, RateLimiter perClient) {
        this.service = service;
        this.perClient = perClient;
    }

    /** Adds {@code /subscriptions} and {@code /unsubscribe} to the server (before it starts). */
    public void installOn(HttpApi http) {
        http.route("/subscriptions", this);
        http.route("/unsubscribe", this);
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        // not try-with-resources: that would close the exchange before the catch could answer
        try {
            String method = ex.getRequestMethod();
            switch (path) {
                case "/subscriptions", "/subscriptions/" -> {
                    if (!allow(ex, method, "GET", "HEAD", "POST")) return;
                    if (method.equals("POST")) subscribe(ex);
                    else send(ex, 200, "text/html; charset=utf-8",
                            SubscribePage.render(RequestFields.fromQuery(ex.getRequestURI().getRawQuery()), null, null));
                }
                case "/subscriptions/confirm" -> {
                    // not HEAD: a probe has no business here
                    if (allow(ex, method, "GET", "POST")) confirm(ex, method.equals("POST"));
                }
                case "/unsubscribe", "/unsubscribe/" -> {
                    if (allow(ex, method, "GET", "HEAD", "POST")) unsubscribe(ex, method.equals("POST"));
                }
                default -> text(ex, 404, "Not found: " + path + ". Subscribe with POST /subscriptions\n");
            }
        } catch (IOException e) {
            log.debug("Client went away during {}: {}", path, e.getMessage());
        } catch (BadRequest e) {
            // the query of a link (too many parameters, broken encoding): the person's mistake, not ours
            if (ex.getResponseCode() < 0) text(ex, 400, "Bad request: " + e.getMessage() + "\n");
        } catch (RuntimeException e) {
            // one line; the query is left out, it carries the token
            log.error("{} {} failed: {}", ex.getRequestMethod(), path, e.toString());
            log.debug("Stack of the failure", e);
            if (ex.getResponseCode() < 0) text(ex, 500, "Internal error; the server log has the details\n");
        } finally {
            ex.close();
        }
    }

    private static boolean allow(HttpExchange ex, String method, String... allowed) throws IOException {
        for (String a : allowed) if (a.equals(method)) return true;
        ex.getResponseHeaders().set("Allow", String.join(", ", allowed));
        text(ex, 405, "Method " + method + " is not allowed here; use " + String.join(" or ", allowed) + "\n");
        return false;
    }

    private void subscribe(HttpExchange ex) throws IOException {
        String type = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")).orElse("").toLowerCase(Locale.ROOT);
        boolean json = type.startsWith("application/json");
        Optional<Duration> wait = perClient.tryAcquire(clientAddress(ex));
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            ex.getResponseHeaders().set("Retry-After", Long.toString(seconds));
            problem(ex, json, 429, "Too many requests", null, "Too many subscription requests from your address; try again in "
                    + seconds + " seconds.");
            return;
        }
        SubscriptionForm form;
        Map<String, List<String>> fields = Map.of();
        try {
            byte[] body = readBody(ex);
            if (json) fields = RequestFields.fromJson(body);
            else if (type.startsWith("application/x-www-form-urlencoded") || type.isEmpty())
                fields = RequestFields.fromForm(new String(body, StandardCharsets.UTF_8));
            else {
                problem(ex, false, 415, "Unsupported form", null, "Send the form as application/x-www-form-urlencoded or application/json.");
                return;
            }
            form = SubscriptionForm.parse(fields);
        } catch (BodyTooLarge e) {
            problem(ex, json, 413, "Request too large", null, "The request body is larger than " + MAX_BODY / 1024 + " KB.");
            return;
        } catch (BadRequest e) {
            // a person at a browser gets the form back as typed, the error beside the field at fault
            if (json) problem(ex, true, 400, "Please check the form", e.field(), e.getMessage());
            else send(ex, 400, "text/html; charset=utf-8", SubscribePage.render(fields, e.field(), e.getMessage()));
            return;
        }
        service.subscribe(form);
        String message = service.outbox().map(dir -> String.format(IN_OUTBOX, form.email(), dir.toAbsolutePath()))
                .orElse(String.format(CHECK_INBOX, form.email()));
        if (json) {
            sendJson(ex, 202, Map.of("status", "check-inbox", "message", message));
        } else {
            send(ex, 200, "text/html; charset=utf-8", Pages.notice(service.outbox().isPresent() ? "Confirmation written to the outbox"
                    : "Check your inbox", message));
        }
    }

    private void confirm(HttpExchange ex, boolean post) throws IOException {
        String token = token(ex);
        SubscriptionService.Confirmation result = post ? service.confirm(token) : service.check(token);
        switch (result) {
            case PENDING -> send(ex, 200, "text/html; charset=utf-8",
                    Pages.confirmForm(token, Masked.email(service.confirmationEmail(token).orElse(null))));
            case CONFIRMED -> send(ex, 200, "text/html; charset=utf-8", Pages.notice("Subscribed",
                    "Thank you: your subscription is confirmed. The first digest comes at your chosen time."));
            case ALREADY_CONFIRMED -> send(ex, 200, "text/html; charset=utf-8", Pages.notice("Subscribed",
                    "This subscription was already confirmed; nothing changed."));
            case EXPIRED -> send(ex, 400, "text/html; charset=utf-8", Pages.error("Link expired",
                    "This confirmation link has expired. Please subscribe again to get a new one."));
            case INVALID -> send(ex, 400, "text/html; charset=utf-8", Pages.error("Link not valid",
                    "This confirmation link is not valid (it may be incomplete, or already used after an unsubscribe). "
                            + "Please subscribe again."));
        }
    }

    private void unsubscribe(HttpExchange ex, boolean post) throws IOException {
        String token = token(ex);
        if (!service.isUnsubscribeToken(token)) {
            send(ex, 400, "text/html; charset=utf-8", Pages.error("Link not valid",
                    "This unsubscribe link is not valid; it may have been cut off. Use the whole link from the email."));
            return;
        }
        if (!post) {
            send(ex, 200, "text/html; charset=utf-8", Pages.unsubscribeForm(token, Masked.email(service.unsubscribeEmail(token).orElse(null))));
            return;
        }
        try {
            readBody(ex); // RFC 8058 clients send "List-Unsubscribe=One-Click"; the signed token is what counts
        } catch (BodyTooLarge e) {
            // the token decides; an oversized body is ignored
        }
        service.unsubscribe(token);
        send(ex, 200, "text/html; charset=utf-8", Pages.notice("Unsubscribed",
                "You are unsubscribed: no more digests will be sent to this address."));
    }

    private static String token(HttpExchange ex) {
        List<String> t = RequestFields.fromQuery(ex.getRequestURI().getRawQuery()).getOrDefault("token", List.of());
        return t.isEmpty() ? null : t.get(0);
    }

    /** The connecting address. A forwarding proxy's headers are not trusted: anyone can write them. */
    static String clientAddress(HttpExchange ex) {
        return ex.getRemoteAddress().getAddress().getHostAddress();
    }

    private static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge() {
            super(null, null, false, false);
        }
    }

    private static byte[] readBody(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) throw new BodyTooLarge();
            return body;
        }
    }

    private static void problem(HttpExchange ex, boolean json, int status, String title, String field, String message) throws IOException {
        if (json) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", message);
            if (field != null) body.put("field", field);
            sendJson(ex, status, body);
        } else {
            send(ex, status, "text/html; charset=utf-8", Pages.error(title, message));
        }
    }

    private static void sendJson(HttpExchange ex, int status, Object body) throws IOException {
        send(ex, status, "application/json", Json.bytes(body));
    }

    private static void text(HttpExchange ex, int status, String message) {
        try {
            send(ex, status, "text/plain; charset=utf-8", message.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            log.debug("Client went away before the {} answer", status);
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        // nothing here belongs in a frame on another site
        ex.getResponseHeaders().set("X-Frame-Options", "DENY");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
