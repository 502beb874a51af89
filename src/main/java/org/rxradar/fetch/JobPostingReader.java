package org.rxradar.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rxradar.model.Item;
import org.rxradar.model.JobPosting;
import org.rxradar.model.Place;
import org.rxradar.model.Salary;

/**
 * Maps one schema.org JobPosting (as a JSON tree, whether it came from JSON-LD or from microdata)
 * to an {@link Item}. Postings whose validThrough has passed are dropped (null).
 */
final class JobPostingReader {

    /** @param fallbackUrl the page URL, used when the posting names none and is alone on the page */
    Item read(JsonNode p, URI page, String fallbackUrl, ItemFactory factory) {
        Instant validThrough = Dates.parseAny(text(p.get("validThrough")));
        if (validThrough != null && validThrough.isBefore(factory.fetched())) return null;
        String url = Links.resolve(page, text(p.get("url")));
        if (url == null) url = fallbackUrl;
        String title = text(p.get("title"));
        if (title == null) title = text(p.get("name"));
        String employer = name(p.get("hiringOrganization"));
        Place place = place(p);
        JobPosting posting = new JobPosting(salary(p.get("baseSalary")), employment(p.get("employmentType")), place,
                validThrough, identifier(p.get("identifier")), bool(p.get("directApply")));
        String guid = posting.identifier() != null ? posting.identifier() : title + "\n" + employer;
        return factory.create(url, guid, title, text(p.get("description")),
                Dates.parse(text(p.get("datePosted")), factory.fetched()), employer,
                place == null ? null : place.text(), posting);
    }

    static String text(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isArray()) return n.isEmpty() ? null : text(n.get(0));
        if (n.isObject()) {
            JsonNode v = n.has("@value") ? n.get("@value") : n.get("value");
            return v == null ? null : text(v);
        }
        String s = n.asText().trim();
        return s.isEmpty() ? null : s;
    }

    private static String name(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isArray()) return n.isEmpty() ? null : name(n.get(0));
        if (n.isObject()) return text(n.has("name") ? n.get("name") : n.get("legalName"));
        return text(n);
    }

    private static Place place(JsonNode p) {
        boolean remote = "telecommute".equalsIgnoreCase(text(p.get("jobLocationType")));
        JsonNode loc = p.get("jobLocation");
        if (loc != null && loc.isArray()) loc = loc.isEmpty() ? null : loc.get(0);
        if (loc == null || loc.isNull()) return remote ? new Place("Remote", null, null, true) : null;
        JsonNode address = loc.isObject() ? loc.get("address") : loc;
        if (address == null) address = loc;
        if (address.isArray()) address = address.isEmpty() ? loc : address.get(0);
        if (!address.isObject()) {
            String t = text(address);
            return t == null ? null : new Place(t, null, null, remote);
        }
        String city = text(address.get("addressLocality"));
        String state = text(address.get("addressRegion"));
        List<String> parts = new ArrayList<>();
        if (city != null) parts.add(city);
        if (state != null) parts.add(state);
        String t = parts.isEmpty() ? text(loc.get("name")) : String.join(", ", parts);
        // the ZIP code places the lead for distance filters more closely than its city (geo.LeadLocator)
        String postal = text(address.get("postalCode"));
        if (t != null && postal != null && postal.trim().matches("\\d{5}(-\\d{4})?")) t = t + " " + postal.trim();
        if (t == null && !remote) return null;
        return new Place(t == null ? "Remote" : t, city, state, remote);
    }

    private static Salary salary(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isArray()) return n.isEmpty() ? null : salary(n.get(0));
        if (n.isNumber()) return new Salary(n.asDouble(), n.asDouble(), null, null);
        if (!n.isObject()) return null;
        String currency = text(n.get("currency"));
        JsonNode v = n.get("value");
        String unitText = text(n.get("unitText"));
        Double min = null;
        Double max = null;
        if (v != null && v.isObject()) {
            if (unitText == null) unitText = text(v.get("unitText"));
            min = number(v.get("minValue"));
            max = number(v.get("maxValue"));
            Double single = number(v.get("value"));
            if (min == null && max == null) min = max = single;
        } else {
            min = max = number(v);
        }
        if (min == null && max == null) return null;
        String unit = unitText == null ? "" : unitText.toUpperCase(Locale.ROOT);
        double factor = 1;
        Salary.Unit u = null;
        switch (unit) {
            case "HOUR" -> u = Salary.Unit.HOUR;
            case "YEAR" -> u = Salary.Unit.YEAR;
            case "MONTH" -> { u = Salary.Unit.YEAR; factor = 12; }
            case "WEEK" -> { u = Salary.Unit.YEAR; factor = 52; }
            case "DAY" -> { u = Salary.Unit.HOUR; factor = 1.0 / 8; }
            default -> { }
        }
        return new Salary(min == null ? null : min * factor, max == null ? null : max * factor, u, currency);
    }

    private static Double number(JsonNode n) {
        String t = text(n);
        if (t == null) return null;
        try {
            return Double.parseDouble(t.replaceAll("[^0-9.]", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String employment(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isArray()) {
            List<String> all = new ArrayList<>();
            n.forEach(e -> { String t = text(e); if (t != null) all.add(t.toUpperCase(Locale.ROOT)); });
            return all.isEmpty() ? null : String.join(",", all);
        }
        String t = text(n);
        return t == null ? null : t.toUpperCase(Locale.ROOT);
    }

    private static String identifier(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isObject()) return text(n.has("value") ? n.get("value") : n.get("name"));
        return text(n);
    }

    private static Boolean bool(JsonNode n) {
        String t = text(n);
        return t == null ? null : Boolean.valueOf(t.equalsIgnoreCase("true") || t.equalsIgnoreCase("yes"));
    }
}
