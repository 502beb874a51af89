package org.rxradar.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.rxradar.digest.SubscriptionLog;
import org.rxradar.digest.UnsubscribeTokens;
import org.rxradar.feeds.HttpApi;
import org.rxradar.model.InvalidValueException;
import org.rxradar.model.Subscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /preferences?token=…} shows a subscriber's preferences in a form;
 * {@code POST /preferences?token=…} saves them to {@code rxradar.subscriptions}, or answers 400 with
 * the form as posted and each problem beside its field. The signed token of the digest's link is
 * the only credential (no account): it names the subscriber and cannot be made without {@code digest.secret}.
 */
public final class PreferencesRoutes implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(PreferencesRoutes.class);
    static final int MAX_BODY = 16 * 1024;
    private static final String HTML = "text/html; charset=utf-8";

    private final SubscriptionLog subscriptions;
    private final UnsubscribeTokens tokens;
    private final Supplier<String> baseUrl;
    private final PreferencesPage page = new PreferencesPage();

    /** @param baseUrl this server's public base URL: notify targets there are refused */
    public PreferencesRoutes(SubscriptionLog subscriptions, UnsubscribeTokens tokens, Supplier<String> baseUrl) {
        this.subscriptions = subscriptions;
        this.tokens = tokens;
        this.baseUrl = baseUrl;
    }

    public void installOn(HttpApi http) {
        http.route("/preferences", this);
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getRawPath();
            if (!path.equals("/preferences") && !path.equals("/preferences/")) {
                send(ex, 404, "text/plain; charset=utf-8", "Not found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String method = ex.getRequestMethod();
            if (!List.of("GET", "HEAD", "POST").contains(method)) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD, POST");
                send(ex, 405, "text/plain; charset=utf-8", "Use GET or POST\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String token = token(ex);
            Optional<Subscriber> who = Optional.ofNullable(token).flatMap(tokens::verifyPreferences).flatMap(subscriptions::find);
            if (who.isEmpty() || who.get().status() == Subscriber.Status.UNSUBSCRIBED) {
                send(ex, 400, HTML, Pages.error("Link not valid", "This preferences link is not valid (it may have been cut off, "
                        + "or the subscription has ended). Use the whole link from your latest digest."));
                return;
            }
            if (method.equals("POST")) save(ex, token, who.get());
            else send(ex, 200, HTML, page.current(token, who.get(), false));
        } catch (BadRequest e) {
            if (ex.getResponseCode() < 0) send(ex, 400, HTML, Pages.error("Please check the form", e.getMessage()));
        } catch (IOException e) {
            log.debug("Client went away during /preferences: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.error("{} /preferences failed: {}", ex.getRequestMethod(), e.toString()); // the query carries the token: left out
            log.debug("Stack of the failure", e);
            if (ex.getResponseCode() < 0) send(ex, 500, "text/plain; charset=utf-8", "Internal error; the server log has the details\n"
                    .getBytes(StandardCharsets.UTF_8));
        } finally {
            ex.close();
        }
    }

    private void save(HttpExchange ex, String token, Subscriber current) throws IOException {
        String type = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")).orElse("").toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !type.startsWith("application/x-www-form-urlencoded")) {
            send(ex, 415, HTML, Pages.error("Unsupported form", "Send the form as application/x-www-form-urlencoded."));
            return;
        }
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            send(ex, 413, HTML, Pages.error("Request too large", "The form is larger than " + MAX_BODY / 1024 + " KB."));
            return;
        }
        PreferencesForm form = PreferencesForm.parse(RequestFields.fromForm(new String(body, StandardCharsets.UTF_8)));
        Subscriber updated;
        try {
            updated = form.apply(current, baseUrl.get());
        } catch (InvalidValueException e) {
            send(ex, 400, HTML, page.refused(token, current, form, e.problems()));
            return;
        }
        if (!updated.equals(current)) {
            subscriptions.put(updated);
            subscriptions.awaitCaughtUp(); // the page shown next reads the view: it must hold this write
            log.info("Preferences of {} changed", updated.id());
        }
        send(ex, 200, HTML, page.current(token, updated, true));
    }

    private static String token(HttpExchange ex) {
        List<String> t = RequestFields.fromQuery(ex.getRequestURI().getRawQuery()).getOrDefault("token", List.of());
        return t.isEmpty() ? null : t.get(0);
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Frame-Options", "DENY");
        // the page's URL carries the token: do not hand it on to sites linked from it
        ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
