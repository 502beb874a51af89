package org.rxradar.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rxradar.model.Json;
import org.rxradar.web.http.Exchange;
import org.rxradar.web.http.HttpProblem;
import org.rxradar.web.http.Route;
import org.rxradar.web.http.Router;
import org.rxradar.web.page.Masked;
import org.rxradar.web.server.HttpApi;

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
public final class SubscriptionRoutes {
    private static final String HTML = "text/html; charset=utf-8";
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
        Router router = http.routes();
        for (String path : List.of("/subscriptions", "/subscriptions/")) {
            router.get(path, guarded(ex -> send(ex, 200, HTML, SubscribePage.render(ex.query().asMap(), null, null))));
            router.post(path, guarded(this::subscribe));
        }
        // not HEAD: a probe has no business here
        router.add("/subscriptions/confirm", guarded(ex -> confirm(ex, ex.method().equals("POST"))), "GET", "POST");
        for (String path : List.of("/unsubscribe", "/unsubscribe/")) {
            router.add(path, guarded(ex -> unsubscribe(ex, ex.method().equals("POST"))), "GET", "HEAD", "POST");
        }
        router.notFoundHint("/subscriptions", "Subscribe with POST /subscriptions");
        router.notFoundHint("/unsubscribe", "Subscribe with POST /subscriptions");
    }

    /** A field the person got wrong outside the form (the query of a link): their mistake, answered 400. */
    private static Route guarded(Route route) {
        return ex -> {
            try {
                route.handle(ex);
            } catch (BadRequest e) {
                throw new HttpProblem(400, "Bad request: " + e.getMessage() + "\n");
            }
        };
    }

    private void subscribe(Exchange ex) throws IOException {
        String type = Optional.ofNullable(ex.header("Content-Type")).orElse("").toLowerCase(Locale.ROOT);
        boolean json = type.startsWith("application/json");
        Optional<Duration> wait = perClient.tryAcquire(ex.clientAddress());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            ex.header("Retry-After", Long.toString(seconds));
            problem(ex, json, 429, "Too many requests", null, "Too many subscription requests from your address; try again in "
                    + seconds + " seconds.");
            return;
        }
        SubscriptionForm form;
        Map<String, List<String>> fields = Map.of();
        byte[] body = ex.body(MAX_BODY);
        if (body == null) {
            problem(ex, json, 413, "Request too large", null, "The request body is larger than " + MAX_BODY / 1024 + " KB.");
            return;
        }
        try {
            if (json) fields = RequestFields.fromJson(body);
            else if (type.startsWith("application/x-www-form-urlencoded") || type.isEmpty())
                fields = RequestFields.fromForm(new String(body, StandardCharsets.UTF_8));
            else {
                problem(ex, false, 415, "Unsupported form", null, "Send the form as application/x-www-form-urlencoded or application/json.");
                return;
            }
            form = SubscriptionForm.parse(fields);
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

    private void confirm(Exchange ex, boolean post) throws IOException {
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

    private void unsubscribe(Exchange ex, boolean post) throws IOException {
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
        ex.body(MAX_BODY); // RFC 8058 clients send "List-Unsubscribe=One-Click"; the signed token is what counts, a large body is ignored
        service.unsubscribe(token);
        send(ex, 200, "text/html; charset=utf-8", Pages.notice("Unsubscribed",
                "You are unsubscribed: no more digests will be sent to this address."));
    }

    private static String token(Exchange ex) {
        return ex.query().first("token").orElse(null);
    }

    private static void problem(Exchange ex, boolean json, int status, String title, String field, String message) throws IOException {
        if (json) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", message);
            if (field != null) body.put("field", field);
            sendJson(ex, status, body);
        } else {
            send(ex, status, "text/html; charset=utf-8", Pages.error(title, message));
        }
    }

    private static void sendJson(Exchange ex, int status, Object body) throws IOException {
        send(ex, status, "application/json", Json.bytes(body));
    }

    private static void send(Exchange ex, int status, String type, byte[] body) throws IOException {
        // nothing here belongs in a frame on another site
        ex.header("X-Frame-Options", "DENY");
        ex.send(status, type, Exchange.NO_STORE, body);
    }
}
