package org.rxradar.fetch.ats;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jsoup.nodes.Entities;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.fetch.Dates;
import org.rxradar.fetch.FetchException;
import org.rxradar.fetch.ItemFactory;
import org.rxradar.fetch.Links;
import org.rxradar.model.Kind;
import org.rxradar.model.Place;
import org.rxradar.model.Salary;
import org.rxradar.model.UsStates;

/**
 * Federal jobs through the USAJOBS Search API: one keyword search per search phrase, page by page,
 * the postings of all searches united by PositionID. The API wants an {@code Authorization-Key}
 * (the source's {@code api-key}, else the environment variable {@value RxRadarConfig.Source#USAJOBS_KEY_ENV})
 * and the email it was issued to as {@code User-Agent}. The key is a secret: it goes in that one
 * header and nowhere else, not in a message, not in a URL.
 */
public final class UsaJobsReader implements JobListingReader {
    static final String API = "https://data.usajobs.gov/api/search";
    static final int RESULTS_PER_PAGE = 500;
    /** Pages read per phrase and poll: 10,000 postings, far more than any pharmacy search returns. */
    static final int MAX_PAGES = 20;

    private final Function<String, String> env;

    public UsaJobsReader() {
        this(System::getenv);
    }

    /** @param env looks up an environment variable (tests pass their own) */
    public UsaJobsReader(Function<String, String> env) {
        this.env = env;
    }

    @Override
    public Listing read(RxRadarConfig.Source source, ListingClient client) throws FetchException {
        String label = "usajobs source '" + source.id() + "'";
        Search search = new Search(source, client, headers(source, label), label);
        for (String phrase : source.search()) {
            if (!search.phrase(phrase)) break; // an error halfway: the rest waits for the next poll
        }
        search.postings.finish();
        return search.builder.build();
    }

    /** One poll's searches: what has been read so far, across phrases and pages. */
    private static final class Search {
        private final RxRadarConfig.Source source;
        private final ListingClient client;
        private final Map<String, String> headers;
        private final String label;
        private final String base;
        private final Listing.Builder builder;
        private final PostingCollector postings;
        private final Set<String> read = new HashSet<>();
        private boolean first = true;

        Search(RxRadarConfig.Source source, ListingClient client, Map<String, String> headers, String label) {
            this.source = source;
            this.client = client;
            this.headers = headers;
            this.label = label;
            this.base = source.apiUrl() != null ? source.apiUrl() : API;
            this.builder = Listing.builder(source.search());
            this.postings = new PostingCollector(builder, new ItemFactory(source.id(), Kind.JOB, client.now()));
        }

        /** Reads every page of one phrase; false when a request failed (recorded: the listing is incomplete). */
        boolean phrase(String phrase) throws FetchException {
            int pages = 1;
            int pageSize = 0;
            for (int page = 1; page <= pages; page++) {
                JsonNode result = page(phrase, page);
                if (result == null) return false;
                JsonNode items = result.get("SearchResultItems");
                if (page == 1) {
                    if (items.isEmpty()) return true; // nothing found: no page count to trust
                    pageSize = items.size();
                    Double stated = PostingFields.number(result.path("UserArea").get("NumberOfPages"));
                    int all = stated == null ? 1 : Math.max(1, stated.intValue());
                    pages = Math.min(all, MAX_PAGES);
                    if (all > MAX_PAGES) builder.incomplete("'" + phrase + "' has " + all + " pages, read the first " + MAX_PAGES);
                }
                for (JsonNode item : items) {
                    JsonNode d = item.path("MatchedObjectDescriptor");
                    String uri = Links.resolve(null, PostingFields.text(d, "PositionURI"));
                    String id = PostingFields.text(d, "PositionID");
                    String key = id != null ? id : uri;
                    if (key != null && !read.add(key)) continue; // found by an earlier phrase or page
                    postings.add(() -> posting(d, uri, id, source, client), uri, id);
                }
                if (page > 1 && (items.isEmpty() || (page < pages && items.size() < pageSize))) {
                    // the server counts more pages than it gives: stop here rather than trust the count
                    builder.incomplete("'" + phrase + "' page " + page + " holds " + items.size() + " postings, page 1 held " + pageSize);
                    return true;
                }
            }
            return true;
        }

        /**
         * One page's SearchResult. An error on the very first request is thrown (the listing could not
         * be read at all), as is a refused key on any; a later error is recorded and answers null.
         */
        private JsonNode page(String phrase, int page) throws FetchException {
            URI url = URI.create(base + (base.contains("?") ? "&" : "?") + "Keyword=" + URLEncoder.encode(phrase, StandardCharsets.UTF_8)
                    + "&ResultsPerPage=" + RESULTS_PER_PAGE + "&Page=" + page);
            try {
                JsonNode result = client.getJson(url, headers).path("SearchResult");
                JsonNode items = result.get("SearchResultItems");
                if (items == null || !items.isArray()) {
                    throw new FetchException("the answer from " + url + " has no SearchResult.SearchResultItems list");
                }
                first = false;
                return result;
            } catch (HttpStatusException e) {
                if (first || e.refused()) throw e; // a refused key pauses the source, whatever page it was
                builder.incomplete("'" + phrase + "' page " + page + ": " + e.getMessage());
                return null;
            } catch (FetchException e) {
                if (first) throw ReadFailures.labelled(label, e);
                builder.incomplete("'" + phrase + "' page " + page + ": " + e.getMessage());
                return null;
            }
        }
    }

    private Map<String, String> headers(RxRadarConfig.Source source, String label) throws SourceConfigException {
        String key = source.apiKey();
        if (key == null) {
            String fromEnv = env.apply(RxRadarConfig.Source.USAJOBS_KEY_ENV);
            key = fromEnv == null || fromEnv.isBlank() ? null : fromEnv.trim();
        }
        if (key == null) {
            throw new SourceConfigException(label + ": no API key; set api-key on the source or the environment variable "
                    + RxRadarConfig.Source.USAJOBS_KEY_ENV + " (a free key: https://developer.usajobs.gov/)");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization-Key", key);
        // without an email, the configured fetch user agent goes out
        if (source.userAgentEmail() != null) headers.put("User-Agent", source.userAgentEmail());
        return headers;
    }

    private static Posting posting(JsonNode d, String url, String id, RxRadarConfig.Source source, ListingClient client) {
        String employer = PostingFields.text(d, "OrganizationName");
        if (employer == null) employer = PostingFields.text(d, "DepartmentName");
        if (employer == null) employer = source.name();
        JsonNode details = d.path("UserArea").path("Details");
        JsonNode schedule = d.path("PositionSchedule").path(0);
        return new Posting(url, id, PostingFields.text(d, "PositionTitle"), description(details),
                Dates.parse(PostingFields.text(d, "PublicationStartDate"), client.now()), employer,
                place(d.path("PositionLocation"), details), salary(d.path("PositionRemuneration").path(0)),
                PostingFields.employment(PostingFields.text(schedule, "Name")),
                Dates.parseAny(PostingFields.text(d, "ApplicationCloseDate")), id);
    }

    /** The job summary and the major duties, as HTML (the API gives plain text). */
    static String description(JsonNode details) {
        StringBuilder html = new StringBuilder();
        String summary = PostingFields.text(details, "JobSummary");
        if (summary != null) html.append("<p>").append(Entities.escape(summary)).append("</p>");
        JsonNode duties = details.get("MajorDuties");
        if (duties != null && duties.isArray() && !duties.isEmpty()) {
            html.append("<ul>");
            for (JsonNode duty : duties) {
                String t = PostingFields.text(duty);
                if (t != null) html.append("<li>").append(Entities.escape(t)).append("</li>");
            }
            html.append("</ul>");
        } else if (PostingFields.text(duties) != null) {
            html.append("<p>").append(Entities.escape(PostingFields.text(duties))).append("</p>");
        }
        return html.length() == 0 ? null : html.toString();
    }

    // the first duty location: LocationName "Houston, Texas", CountrySubDivisionCode the FULL state name
    private static Place place(JsonNode locations, JsonNode details) {
        boolean remote = details.path("RemoteIndicator").asBoolean(false);
        JsonNode first = locations.path(0);
        String text = PostingFields.text(first, "LocationName");
        if (text == null) text = PostingFields.text(first, "CityName");
        Place parsed = PostingFields.place(text, remote);
        String state = UsStates.code(PostingFields.text(first, "CountrySubDivisionCode"));
        if (parsed == null || state == null || state.equals(parsed.state())) return parsed;
        return new Place(parsed.text(), parsed.city(), state, parsed.remote());
    }

    // MinimumRange/MaximumRange are strings; RateIntervalCode a code ("PA") or, in older answers, words ("Per Year")
    private static Salary salary(JsonNode pay) {
        String interval = PostingFields.text(pay, "RateIntervalCode");
        if (interval == null) return null;
        PostingFields.Period period = switch (interval.toUpperCase(Locale.ROOT)) {
            case "PA", "PER YEAR", "PER ANNUM" -> PostingFields.Period.YEAR;
            case "PH", "PER HOUR" -> PostingFields.Period.HOUR;
            case "PD", "PER DAY" -> PostingFields.Period.DAY;
            case "PW", "PER WEEK" -> PostingFields.Period.WEEK;
            case "BW", "BI-WEEKLY", "BIWEEKLY" -> PostingFields.Period.TWO_WEEKS;
            case "PM", "PER MONTH" -> PostingFields.Period.MONTH;
            default -> null; // WC: without compensation, FB: fee basis…
        };
        Double min = PostingFields.number(pay.get("MinimumRange"));
        Double max = PostingFields.number(pay.get("MaximumRange"));
        if (min != null && min == 0) min = null;
        if (max != null && max == 0) max = null;
        return PostingFields.salary(min, max, period, "USD");
    }
}
