package org.rxradar.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.rxradar.digest.SubscriptionLog;
import org.rxradar.digest.UnsubscribeTokens;
import org.rxradar.model.InvalidValueException;
import org.rxradar.model.Subscriber;
import org.rxradar.web.http.Exchange;
import org.rxradar.web.http.Router;
import org.rxradar.web.server.HttpApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /preferences?token=…} shows a subscriber's preferences in a form;
 * {@code POST /preferences?token=…} saves them to {@code rxradar.subscriptions}, or answers 400 with
 * the form as posted and each problem beside its field. The signed token of the digest's link is
 * the only credential (no account): it names the subscriber and cannot be made without {@code digest.secret}.
 */
public final class PreferencesRoutes {
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
        Router router = http.routes();
        for (String path : List.of("/preferences", "/preferences/")) router.add(path, this::handle, "GET", "HEAD", "POST");
        router.notFoundHint("/preferences", "Open the preferences link of your latest digest");
    }

    private void handle(Exchange ex) throws IOException {
        // the page's URL carries the token: do not hand it on to sites linked from it (errors included)
        ex.header("Referrer-Policy", "no-referrer");
        try {
            String token = ex.query().first("token").orElse(null);
            Optional<Subscriber> who = Optional.ofNullable(token).flatMap(tokens::verifyPreferences).flatMap(subscriptions::find);
            if (who.isEmpty() || who.get().status() == Subscriber.Status.UNSUBSCRIBED) {
                send(ex, 400, HTML, Pages.error("Link not valid", "This preferences link is not valid (it may have been cut off, "
                        + "or the subscription has ended). Use the whole link from your latest digest."));
                return;
            }
            if (ex.method().equals("POST")) save(ex, token, who.get());
            else send(ex, 200, HTML, page.current(token, who.get(), false));
        } catch (BadRequest e) {
            if (!ex.answered()) send(ex, 400, HTML, Pages.error("Please check the form", e.getMessage()));
        }
    }

    private void save(Exchange ex, String token, Subscriber current) throws IOException {
        String type = Optional.ofNullable(ex.header("Content-Type")).orElse("").toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !type.startsWith("application/x-www-form-urlencoded")) {
            send(ex, 415, HTML, Pages.error("Unsupported form", "Send the form as application/x-www-form-urlencoded."));
            return;
        }
        byte[] body = ex.body(MAX_BODY);
        if (body == null) {
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

    private static void send(Exchange ex, int status, String type, byte[] body) throws IOException {
        ex.header("X-Frame-Options", "DENY");
        ex.send(status, type, Exchange.NO_STORE, body);
    }
}
