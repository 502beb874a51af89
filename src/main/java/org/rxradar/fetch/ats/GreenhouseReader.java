package org.rxradar.fetch.ats;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.jsoup.parser.Parser;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.fetch.Dates;
import org.rxradar.fetch.FetchException;
import org.rxradar.fetch.ItemFactory;
import org.rxradar.fetch.Links;
import org.rxradar.model.Kind;
import org.rxradar.model.Salary;

/**
 * A Greenhouse job board ({@code url: https://boards.greenhouse.io/<board>}, or
 * job-boards.greenhouse.io) through its public Job Board API: one request answers every open job
 * with its description, so one successful answer is the complete listing. The API has no search
 * parameter: the search phrases are applied here, to the title and the description.
 */
public final class GreenhouseReader implements JobListingReader {
    static final String API = "https://boards-api.greenhouse.io/v1/boards/";

    @Override
    public Listing read(RxRadarConfig.Source source, ListingClient client) throws FetchException {
        String board = board(source.url());
        if (board == null && source.apiUrl() == null) {
            throw new SourceConfigException("greenhouse source '" + source.id() + "': url '" + source.url()
                    + "' names no board; expected https://boards.greenhouse.io/<board> (or set api-url)");
        }
        String label = board != null ? "greenhouse board '" + board + "'" : "greenhouse source '" + source.id() + "'";
        URI api = source.apiUrl() != null ? URI.create(source.apiUrl())
                : URI.create(API + URLEncoder.encode(board, StandardCharsets.UTF_8) + "/jobs?content=true");
        JsonNode root;
        try {
            root = client.getJson(api, Map.of());
        } catch (FetchException e) {
            throw ReadFailures.labelled(label, e);
        }
        JsonNode jobs = root.get("jobs");
        if (jobs == null || !jobs.isArray()) throw new FetchException(label + ": the answer from " + api + " has no \"jobs\" list");

        Listing.Builder builder = Listing.builder(source.search());
        PostingCollector postings = new PostingCollector(builder, new ItemFactory(source.id(), Kind.JOB, client.now()));
        String employer = source.name() != null && !source.name().isBlank() ? source.name() : board;
        for (JsonNode job : jobs) {
            String url = Links.resolve(null, PostingFields.text(job, "absolute_url"));
            String id = PostingFields.text(job, "id");
            postings.add(() -> posting(job, url, id, employer, client), url, id);
        }
        postings.finish();
        // the API answers every job at once; fewer than its own total means a cut answer: close nothing
        Double total = PostingFields.number(root.path("meta").get("total"));
        if (total != null && total > jobs.size()) {
            builder.incomplete("the answer holds " + jobs.size() + " of the " + total.intValue() + " jobs it counts");
        }
        return builder.build();
    }

    private static Posting posting(JsonNode job, String url, String id, String sourceEmployer, ListingClient client) {
        String company = PostingFields.text(job, "company_name");
        String location = PostingFields.text(job.path("location"), "name");
        String posted = PostingFields.text(job, "first_published");
        if (posted == null) posted = PostingFields.text(job, "updated_at");
        JsonNode metadata = job.path("metadata");
        return new Posting(url, id, PostingFields.text(job, "title"), description(PostingFields.text(job, "content")),
                Dates.parse(posted, client.now()), company != null ? company : sourceEmployer,
                PostingFields.place(location, false), salary(metadata), employment(metadata), null,
                PostingFields.text(job, "requisition_id") != null ? PostingFields.text(job, "requisition_id") : id);
    }

    /** Greenhouse sends the description as escaped HTML ("&lt;p&gt;…"): unescaped once, it is the HTML. */
    static String description(String content) {
        if (content == null) return null;
        return Parser.unescapeEntities(content, false);
    }

    /** The board token of a board URL: boards.greenhouse.io/acme, job-boards.greenhouse.io/acme/jobs/1, …/embed/job_board?for=acme. */
    static String board(String url) {
        if (url == null || url.isBlank()) return null;
        URI u;
        try {
            u = new URI(url.trim());
        } catch (Exception e) {
            return null;
        }
        if (u.getHost() == null || !u.getHost().toLowerCase(Locale.ROOT).endsWith("greenhouse.io")) return null;
        String path = u.getPath() == null ? "" : u.getPath();
        String[] segments = path.replaceAll("^/+", "").split("/");
        if (segments.length > 0 && segments[0].equals("embed") && u.getQuery() != null) {
            for (String pair : u.getQuery().split("&")) {
                if (pair.startsWith("for=") && pair.length() > 4) return pair.substring(4);
            }
            return null;
        }
        if (segments.length == 0 || segments[0].isBlank()) return null;
        // boards-api.greenhouse.io/v1/boards/<board>/jobs
        if (segments[0].equals("v1") && segments.length > 2 && segments[1].equals("boards")) return segments[2];
        return segments[0];
    }

    // custom fields ("metadata") are the only place a board states employment type or pay
    private static String employment(JsonNode metadata) {
        for (JsonNode field : metadata) {
            String name = lower(PostingFields.text(field, "name"));
            if (name.contains("employment type") || name.contains("job type") || name.equals("employment")) {
                JsonNode v = field.get("value");
                String words = v != null && v.isArray() && !v.isEmpty() ? PostingFields.text(v.get(0)) : PostingFields.text(v);
                if (words != null) return PostingFields.employment(words);
            }
        }
        return null;
    }

    private static Salary salary(JsonNode metadata) {
        for (JsonNode field : metadata) {
            String name = lower(PostingFields.text(field, "name"));
            JsonNode v = field.get("value");
            if (v == null || !v.isObject() || !(name.contains("pay") || name.contains("salary") || name.contains("wage")
                    || name.contains("compensation"))) {
                continue;
            }
            // a currency_range: {"unit":"USD","min_value":"18.0","max_value":"23.0"}
            Double min = PostingFields.number(v.get("min_value"));
            Double max = PostingFields.number(v.get("max_value"));
            if (min == null && max == null) continue;
            PostingFields.Period period;
            if (name.contains("hour")) period = PostingFields.Period.HOUR;
            else if (name.contains("annual") || name.contains("year") || name.contains("salary")) period = PostingFields.Period.YEAR;
            else period = (max != null ? max : min) < 500 ? PostingFields.Period.HOUR : PostingFields.Period.YEAR; // no US wage is $500 an hour
            return PostingFields.salary(min, max, period, PostingFields.text(v, "unit"));
        }
        return null;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
