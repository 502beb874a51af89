package org.rxradar.filter;

import org.rxradar.model.Subscriber;
import org.rxradar.text.Html;

/**
 * The lead filters as HTML form fields, for any page that filters leads (the front page, a feed
 * builder, a preferences form): the names are the query parameters of {@link LeadFilterParams},
 * so a GET form gives a feed or API query as it stands. No style: the page around it has its own.
 */
public final class FilterFields {
    private FilterFields() {}

    /** The fields, filled with {@code current} ({@link LeadFilter#NONE} for empty ones). */
    public static String html(LeadFilter current) {
        LeadFilter f = current == null ? LeadFilter.NONE : current;
        StringBuilder h = new StringBuilder("<fieldset class=\"lead-filters\">\n<legend>Pay and distance</legend>\n");
        h.append("<label>Minimum pay ($/hour) <input type=\"number\" name=\"min-pay\" min=\"0\" max=\"")
                .append((int) Subscriber.MAX_MIN_PAY).append("\" step=\"0.01\" inputmode=\"decimal\" value=\"")
                .append(f.minPay() == null ? "" : Html.escape(LeadFilterParams.number(f.minPay()))).append("\"></label>\n");
        // checked sends include-unpaid=false: an unchecked box sends nothing, and the default includes them
        h.append("<label><input type=\"checkbox\" name=\"include-unpaid\" value=\"false\"")
                .append(f.includeUnpaid() ? "" : " checked").append("> Only leads that state their pay</label>\n");
        h.append("<label>Near ZIP code <input type=\"text\" name=\"near\" pattern=\"[0-9]{5}\" maxlength=\"5\" inputmode=\"numeric\" autocomplete=\"postal-code\" value=\"")
                .append(f.near() == null ? "" : Html.escape(f.near())).append("\"></label>\n");
        h.append("<label>Within (miles) <input type=\"number\" name=\"radius\" min=\"1\" max=\"").append(Subscriber.MAX_RADIUS)
                .append("\" step=\"1\" value=\"").append(f.radius() == null ? "" : f.radius()).append("\"></label>\n");
        h.append("<label><input type=\"checkbox\" name=\"remote\" value=\"true\"").append(f.remote() ? " checked" : "")
                .append("> Remote jobs too</label>\n");
        return h.append("</fieldset>\n").toString();
    }
}
