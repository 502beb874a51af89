package org.rxradar.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.rxradar.text.Html;
import org.rxradar.web.page.PageTemplates;

/** The small pages of the subscription flow, rendered from the shared templates ({@code web/*.peb}). */
final class Pages {
    private Pages() {}

    static String escape(String text) {
        return Html.escape(text);
    }

    static byte[] notice(String title, String message) {
        return PageTemplates.message(title, "notice", message);
    }

    static byte[] error(String title, String message) {
        return PageTemplates.message(title, "error", message);
    }

    /** The page a confirmation link opens: a button, because a GET (a mail scanner following links) must change nothing. */
    static byte[] confirmForm(String token, String maskedAddress) {
        return PageTemplates.renderBytes("confirm", "", Map.of("address", maskedAddress,
                "action", "/subscriptions/confirm?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
    }

    /** The unsubscribe page, naming the (masked) address: a button, for the same reason. */
    static byte[] unsubscribeForm(String token, String maskedAddress) {
        return PageTemplates.renderBytes("unsubscribe", "", Map.of("address", maskedAddress,
                "action", "/unsubscribe?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
    }
}
