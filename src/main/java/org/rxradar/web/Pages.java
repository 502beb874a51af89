package org.rxradar.web;

import org.rxradar.text.Html;

import java.nio.charset.StandardCharsets;

/** The small server-rendered pages of the subscription flow: one layout, escaped text. */
final class Pages {
    private Pages() {}

    static String escape(String text) {
        return Html.escape(text);
    }

    /** A whole page around {@code bodyHtml} (already escaped markup). */
    static byte[] page(String title, String bodyHtml) {
        String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " · RxRadar</title>"
                + "<style>body{font-family:sans-serif;max-width:40em;margin:auto;padding:1em}"
                + ".notice{background:#eef7ee;border:1px solid #8c8;padding:.8em}"
                + ".error{background:#fdeeee;border:1px solid #c88;padding:.8em}</style></head><body>\n"
                + "<h1>" + escape(title) + "</h1>\n" + bodyHtml + "\n<p><a href=\"/\">RxRadar home</a></p>\n</body></html>\n";
        return html.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] notice(String title, String message) {
        return page(title, "<p id=\"notice\" class=\"notice\" role=\"status\">" + escape(message) + "</p>");
    }

    static byte[] error(String title, String message) {
        return page(title, "<p id=\"error\" class=\"error\" role=\"alert\">" + escape(message) + "</p>");
    }

    /** The unsubscribe page: a button, because a GET (a mail scanner following links) must change nothing. */
    static byte[] unsubscribeForm(String token) {
        return page("Unsubscribe", "<p>Stop the RxRadar digest for this address?</p>"
                + "<form method=\"post\" action=\"/unsubscribe?token=" + escape(java.net.URLEncoder.encode(token, StandardCharsets.UTF_8)) + "\">"
                + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                + "<button type=\"submit\" id=\"unsubscribe\">Unsubscribe</button></form>");
    }
}
