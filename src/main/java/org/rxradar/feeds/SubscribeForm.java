package org.rxradar.feeds;

import org.rxradar.text.Html;

import java.util.List;
import org.rxradar.model.Taxonomy;

/**
 * The front page's subscribe form: plain HTML posting to {@code /subscriptions}, choices drawn
 * from the taxonomy, so it works without JavaScript and cannot offer a tag the server refuses.
 */
final class SubscribeForm {
    static final String CSS = "fieldset{margin:.6em 0}label{margin-right:1em;white-space:nowrap}"
            + "#subscribe input[type=email],#subscribe input[type=text]{width:20em}";
    static final List<String> STATES = List.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL",
            "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC",
            "ND", "OH", "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY");
    static final List<String> ZONES = List.of("America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
            "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Puerto_Rico", "UTC");

    private SubscribeForm() {}

    static void append(StringBuilder h) {
        h.append("<h2 id=\"subscribe-heading\">Get the daily digest</h2>\n")
                .append("<form id=\"subscribe\" method=\"post\" action=\"/subscriptions\" accept-charset=\"utf-8\">\n")
                .append("<p><label>Email <input type=\"email\" name=\"email\" id=\"email\" required maxlength=\"254\" autocomplete=\"email\"></label>")
                .append("<label>Name (optional) <input type=\"text\" name=\"name\" id=\"name\" maxlength=\"80\" autocomplete=\"name\"></label></p>\n");
        checkboxes(h, "settings", "Pharmacy settings (none checked: all)", Taxonomy.SETTINGS);
        checkboxes(h, "topics", "Topics (none checked: all)", Taxonomy.TOPICS);
        h.append("<fieldset><legend>What to send</legend>")
                .append("<label><input type=\"checkbox\" name=\"kinds\" value=\"jobs\" checked> Job leads</label>")
                .append("<label><input type=\"checkbox\" name=\"kinds\" value=\"news\" checked> News</label>")
                .append("<label><input type=\"checkbox\" name=\"remote\" value=\"true\" id=\"remote\"> Also remote jobs</label></fieldset>\n");
        h.append("<p><label>States (none selected: anywhere) <select name=\"states\" id=\"states\" multiple size=\"5\">");
        for (String st : STATES) h.append("<option value=\"").append(st).append("\">").append(st).append("</option>");
        h.append("</select></label>\n<label>Time zone <select name=\"timezone\" id=\"timezone\">");
        for (String z : ZONES) {
            h.append("<option value=\"").append(z).append('"').append(z.equals("America/Chicago") ? " selected" : "").append('>')
                    .append(z).append("</option>");
        }
        h.append("</select></label>\n<label>Send at <input type=\"time\" name=\"send-at\" id=\"send-at\" value=\"07:00\" required></label></p>\n")
                .append("<p><button type=\"submit\" id=\"subscribe-button\">Subscribe</button> ")
                .append("We send a confirmation link first; nothing else comes until you open it.</p>\n</form>\n");
    }

    private static void checkboxes(StringBuilder h, String name, String legend, List<String> ids) {
        h.append("<fieldset id=\"").append(name).append("-choices\"><legend>").append(legend).append("</legend>");
        for (String id : ids) {
            h.append("<label><input type=\"checkbox\" name=\"").append(name).append("\" value=\"").append(id).append("\"> ")
                    .append(Html.escape(id)).append("</label>");
        }
        h.append("</fieldset>\n");
    }
}
