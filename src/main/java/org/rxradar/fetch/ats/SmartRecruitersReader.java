package org.rxradar.fetch.ats;

import static org.rxradar.fetch.ats.ListingFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.fetch.Dates;
import org.rxradar.fetch.FetchException;
import org.rxradar.fetch.ItemFactory;
import org.rxradar.fetch.Links;
import org.rxradar.fetch.TextCleaner;
import org.rxradar.model.Item;
import org.rxradar.model.Kind;
import org.rxradar.model.Place;
import org.rxradar.model.UsStates;

/**
 * A SmartRecruiters career site ({@code https://jobs.smartrecruiters.com/<Company>}) through the public
 * Posting API: one query per search phrase ({@code GET https://api.smartrecruiters.com/v1/companies/<Company>/postings?q=…},
 * 100 postings a page), the union of the results by posting id, then the details ({@code ref}) of each
 * posting not seen before, whose sections make the description.
 */
public final class SmartRecruitersReader implements JobListingReader {
    static final int PAGE_SIZE = 100; // the API's largest page
    private static final String API = "https://api.smartrecruiters.com/v1/companies/";
    private static final String PUBLIC = "https://jobs.smartrecruiters.com/";
    // the job first: the item's summary is bounded, and the company's presentation is the same in every posting
    private static final List<String> SECTIONS = List.of("jobDescription", "qualifications", "additionalInformation",
            "companyDescription");
    private static final Set<String> US = Set.of("us", "usa", "united states", "united states of america");

    /** A company's postings: the list endpoint and the public site, whose {@code /<id>} address opens a posting. */
    record Company(String label, String name, String list, String site) {
        static Company of(RxRadarConfig.Source source) throws SourceConfigException {
            String expected = "smartrecruiters source '" + source.id() + "': url '" + source.url()
                    + "' names no company (https://jobs.smartrecruiters.com/<Company>)";
            URI url;
            try {
                url = new URI(source.url().trim());
            } catch (Exception e) {
                throw new SourceConfigException(expected);
            }
            String path = url.getPath() == null ? "" : url.getPath();
            String name = path.replaceAll("^/+", "").split("/")[0];
            if (name.isBlank()) throw new SourceConfigException(expected);
            String list = source.apiUrl() != null ? source.apiUrl().trim() : API + UrlPaths.segment(name) + "/postings";
            // postings open on jobs.smartrecruiters.com; a url elsewhere (a mirror, the demo's sample site) is its own site
            String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
            String site = host.equals("smartrecruiters.com") || host.endsWith(".smartrecruiters.com") || url.getScheme() == null
                    ? PUBLIC : url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getRawAuthority() + "/";
            return new Company("smartrecruiters company '" + name + "'", name, list, site);
        }

        URI page(String phrase, int offset) {
            return URI.create(list + (list.contains("?") ? "&" : "?") + "q=" + URLEncoder.encode(phrase, StandardCharsets.UTF_8)
                    + "&limit=" + PAGE_SIZE + "&offset=" + offset);
        }

        // Not the detail's postingUrl (a slug the listing does not have): the item id must be the same
        // whether the item is built from the listing or from the details, and this address opens the posting too.
        String publicUrl(String id) {
            return site + UrlPaths.segment(name) + "/" + UrlPaths.segment(id);
        }

        // the answer's ref when it points at the API that answered (an answer cannot send us elsewhere), else the documented address
        URI detail(String id, String ref) {
            String url = Links.resolve(null, ref);
            String base = list.replaceAll("\\?.*$", "").replaceAll("/+$", "");
            if (url != null && sameHost(url, base)) return URI.create(url);
            return URI.create(base + "/" + UrlPaths.segment(id));
        }

        private static boolean sameHost(String a, String b) {
            URI x = URI.create(a);
            URI y = URI.create(b);
            return x.getHost() != null && x.getHost().equalsIgnoreCase(y.getHost()) && x.getPort() == y.getPort();
        }
    }

    @Override
    public Listing read(RxRadarConfig.Source source, ListingClient client) throws FetchException {
        Company company = Company.of(source);
        Listing.Builder listing = Listing.builder(source.search());
        Map<String, JsonNode> postings = ListingPager.union(source.search(), "query", PAGE_SIZE,
                (phrase, offset) -> page(company, phrase, offset, client), p -> text(p, "id"), id -> true, "an id", listing);

        ItemFactory factory = new ItemFactory(source.id(), Kind.JOB, client.now());
        List<PostingDetails.Entry<JsonNode>> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : postings.entrySet()) {
            Item item = item(company, e.getKey(), e.getValue(), null, source, factory, client);
            if (item != null) entries.add(new PostingDetails.Entry<>(item, fingerprint(e.getValue()), e.getValue()));
        }
        PostingDetails.read(entries, client, listing, p -> detail(company, p, source, factory, client));
        return listing.build();
    }

    private static ListingPager.Page page(Company company, String phrase, int offset, ListingClient client) throws FetchException {
        URI url = company.page(phrase, offset);
        JsonNode answer;
        try {
            answer = client.getJson(url, Map.of());
        } catch (HttpStatusException e) {
            throw e;
        } catch (FetchException e) {
            throw new FetchException(company.label() + ": " + e.getMessage(), e);
        }
        JsonNode content = answer.path("content");
        if (!content.isArray()) throw new FetchException(company.label() + ": the answer from " + url + " has no content list");
        List<JsonNode> out = new ArrayList<>();
        content.forEach(out::add);
        JsonNode total = answer.path("totalFound");
        return new ListingPager.Page(total.isNumber() ? total.asInt() : -1, answer.path("limit").asInt(0), out);
    }

    // the fields of a listing entry that tell a changed posting
    private static String fingerprint(JsonNode p) {
        return Fingerprints.of("smartrecruiters", text(p, "id"), text(p, "name"), text(p, "releasedDate"),
                p.path("location").toString(), text(p.path("typeOfEmployment"), "label"));
    }

    private static PostingDetails.Detail detail(Company company, JsonNode entry, RxRadarConfig.Source source,
                                                ItemFactory factory, ListingClient client) throws FetchException {
        String id = text(entry, "id");
        JsonNode answer = client.getJson(company.detail(id, text(entry, "ref")), Map.of());
        JsonNode sections = answer.path("jobAd").path("sections");
        if (!answer.isObject() || !sections.isObject()) return null;
        StringBuilder html = new StringBuilder();
        for (String name : SECTIONS) {
            JsonNode section = sections.path(name);
            String text = ListingFields.html(text(section, "text"));
            if (text == null) continue;
            String title = text(section, "title");
            if (title != null) html.append("<h3>").append(org.jsoup.nodes.Entities.escape(title)).append("</h3>");
            html.append(text).append('\n');
        }
        String description = html.length() == 0 ? null : html.toString();
        return new PostingDetails.Detail(item(company, id, answer.has("name") ? answer : entry, description, source, factory, client),
                TextCleaner.plain(description));
    }

    // a posting from its listing entry or its details, which share these fields
    private static Item item(Company company, String id, JsonNode p, String descriptionHtml, RxRadarConfig.Source source,
                             ItemFactory factory, ListingClient client) {
        String employer = text(p.path("company"), "name");
        String identifier = text(p, "refNumber");
        Posting posting = new Posting(company.publicUrl(id), id, text(p, "name"), descriptionHtml,
                Dates.parse(text(p, "releasedDate"), client.now()), employer != null ? employer : source.name(),
                place(p.path("location")), null, ListingFields.employment(text(p.path("typeOfEmployment"), "label")), null,
                identifier != null ? identifier : id);
        return posting.toItem(factory);
    }

    // {city, region, country, remote}: the region a code ("TX") or a name ("Texas"), a state only in the US
    static Place place(JsonNode location) {
        if (!location.isObject()) return null;
        String city = text(location, "city");
        String region = text(location, "region");
        String country = text(location, "country");
        boolean remote = location.path("remote").asBoolean(false);
        boolean us = country == null || US.contains(country.toLowerCase(Locale.ROOT));
        String state = us ? UsStates.code(region) : null;
        String text = text(location, "fullLocation");
        if (text == null) {
            StringBuilder b = new StringBuilder();
            for (String part : new String[] {city, state != null ? state : region, us ? null : country.toUpperCase(Locale.ROOT)}) {
                if (part != null) b.append(b.length() > 0 ? ", " : "").append(part);
            }
            text = b.length() > 0 ? b.toString() : remote ? "Remote" : null;
        }
        if (text == null && !remote) return null;
        return new Place(text, city, state, remote);
    }
}
