package org.rxradar.fetch.ats;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Entities;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.fetch.Dates;
import org.rxradar.fetch.FetchException;
import org.rxradar.fetch.ItemFactory;
import org.rxradar.fetch.Links;
import org.rxradar.model.Kind;
import org.rxradar.model.Salary;

/**
 * A Lever job site ({@code url: https://jobs.lever.co/<company>}, or jobs.eu.lever.co) through the
 * public Postings API. One unpaged request (the API's documented default) answers every published
 * posting, so one successful answer is the complete listing; the search phrases are applied here.
 */
public final class LeverReader implements JobListingReader {
    static final String API = "https://api.lever.co/v0/postings/";
    static final String API_EU = "https://api.eu.lever.co/v0/postings/";

    @Override
    public Listing read(RxRadarConfig.Source source, ListingClient client) throws FetchException {
        URI site = site(source.url());
        String company = site == null ? null : company(site);
        if (company == null && source.apiUrl() == null) {
            throw new SourceConfigException("lever source '" + source.id() + "': url '" + source.url()
                    + "' names no company; expected https://jobs.lever.co/<company> (or set api-url)");
        }
        String label = company != null ? "lever company '" + company + "'" : "lever source '" + source.id() + "'";
        URI api = source.apiUrl() != null ? URI.create(source.apiUrl())
                : URI.create((site.getHost().toLowerCase(Locale.ROOT).contains(".eu.") ? API_EU : API)
                        + URLEncoder.encode(company, StandardCharsets.UTF_8) + "?mode=json");
        JsonNode root;
        try {
            root = client.getJson(api, Map.of());
        } catch (FetchException e) {
            throw ReadFailures.labelled(label, e);
        }
        if (!root.isArray()) {
            // an unknown company is answered {"ok":false,"error":"Document not found"}
            String error = PostingFields.text(root, "error");
            throw new FetchException(label + ": the answer from " + api + " is not a list of postings"
                    + (error == null ? "" : " (the API says: " + error + ")"));
        }

        Listing.Builder builder = Listing.builder(source.search());
        PostingCollector postings = new PostingCollector(builder, new ItemFactory(source.id(), Kind.JOB, client.now()));
        String employer = source.name() != null && !source.name().isBlank() ? source.name() : company;
        for (JsonNode p : root) {
            String url = Links.resolve(null, PostingFields.text(p, "hostedUrl"));
            String id = PostingFields.text(p, "id");
            postings.add(() -> posting(p, url, id, employer, client.now()), url, id);
        }
        postings.finish();
        return builder.build();
    }

    private static Posting posting(JsonNode p, String url, String id, String employer, Instant now) {
        JsonNode categories = p.path("categories");
        String location = PostingFields.text(categories, "location");
        boolean remote = "remote".equalsIgnoreCase(PostingFields.text(p, "workplaceType"));
        JsonNode created = p.get("createdAt");
        Instant posted = created != null && created.canConvertToLong() ? Dates.plausible(Instant.ofEpochMilli(created.asLong()), now) : null;
        return new Posting(url, id, PostingFields.text(p, "text"), description(p), posted, employer,
                PostingFields.place(location, remote), salary(p.path("salaryRange")),
                PostingFields.employment(PostingFields.text(categories, "commitment")), null, id);
    }

    /** The posting's whole text: description, its lists ("Responsibilities": items) and the closing part. */
    static String description(JsonNode p) {
        StringBuilder html = new StringBuilder();
        String description = PostingFields.text(p, "description");
        if (description != null) html.append(description);
        else if (PostingFields.text(p, "descriptionPlain") != null) html.append("<p>").append(Entities.escape(PostingFields.text(p, "descriptionPlain"))).append("</p>");
        for (JsonNode list : p.path("lists")) {
            String heading = PostingFields.text(list, "text");
            String content = PostingFields.text(list, "content");
            if (heading != null) html.append("<h3>").append(Entities.escape(heading)).append("</h3>");
            if (content != null) html.append("<ul>").append(content).append("</ul>");
        }
        String additional = PostingFields.text(p, "additional");
        if (additional != null) html.append(additional);
        return html.length() == 0 ? null : html.toString();
    }

    // {"min":18,"max":22,"currency":"USD","interval":"per-hour-wage"}
    private static Salary salary(JsonNode range) {
        if (!range.isObject()) return null;
        String interval = PostingFields.text(range, "interval");
        PostingFields.Period period = interval == null ? null : switch (interval.toLowerCase(Locale.ROOT)) {
            case "per-hour-wage" -> PostingFields.Period.HOUR;
            case "per-day-wage" -> PostingFields.Period.DAY;
            case "per-week-wage", "per-week-salary" -> PostingFields.Period.WEEK;
            case "per-month-salary", "per-month-wage" -> PostingFields.Period.MONTH;
            case "per-year-salary", "per-year-wage" -> PostingFields.Period.YEAR;
            default -> null; // one-time payments are no pay rate
        };
        return PostingFields.salary(PostingFields.number(range.get("min")), PostingFields.number(range.get("max")), period,
                PostingFields.text(range, "currency"));
    }

    private static URI site(String url) {
        if (url == null || url.isBlank()) return null;
        try {
            URI u = new URI(url.trim());
            return u.getHost() != null && u.getHost().toLowerCase(Locale.ROOT).endsWith("lever.co") ? u : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** The company of jobs.lever.co/acme (or …/acme/&lt;posting id&gt;); null when the path names none. */
    static String company(URI site) {
        String path = site.getPath() == null ? "" : site.getPath().replaceAll("^/+", "");
        String first = path.split("/")[0];
        if (first.isBlank()) return null;
        // api.lever.co/v0/postings/<company>
        String[] segments = path.split("/");
        if (first.equals("v0") && segments.length > 2 && segments[1].equals("postings")) return segments[2];
        return first;
    }
}
