package org.rxradar.feeds;

import org.rxradar.view.FeedView;
import org.rxradar.text.Html;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.rxradar.config.SourceNames;
import org.rxradar.model.Certification;
import org.rxradar.model.HourlyPay;
import org.rxradar.model.Kind;
import org.rxradar.model.Labels;
import org.rxradar.model.Place;
import org.rxradar.model.Salary;
import org.rxradar.model.TaggedItem;

/**
 * Writes tagged items as an Atom 1.0 or RSS 2.0 document with ROME. Each entry carries a category
 * per tag (the scheme tells settings from topics, since "compounding" is both), the employer or
 * the source's name as author, published and updated dates, the summary, and for job leads the
 * pay, location and certifications as HTML content. People read labels, programs ids: an Atom
 * category's {@code term} is the taxonomy id and its {@code label} the label ("Long-term care");
 * RSS categories have no label, and feed readers show their text, so there the text is the label
 * and the {@code domain} (the scheme) tells which facet it belongs to; programs wanting ids read Atom.
 */
public final class FeedWriter {
    private final String baseUrl;
    private final SourceNames sources;

    /** @param baseUrl public address of the server, no trailing slash; links and scheme URIs start with it */
    public FeedWriter(String baseUrl) {
        this(baseUrl, SourceNames.none());
    }

    /** @param sources the configured sources' names, shown instead of source ids */
    public FeedWriter(String baseUrl, SourceNames sources) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.sources = java.util.Objects.requireNonNull(sources, "sources");
    }

    /**
     * @param title    the feed's title
     * @param selfPath the feed's own path and query ("/feeds/settings/hospital.atom"), for its id and self link
     * @param updated  the feed's last change
     */
    public byte[] write(FeedFormat format, String title, String description, String selfPath, Instant updated,
                        List<TaggedItem> items) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType());
        feed.setTitle(title);
        feed.setDescription(description);
        feed.setLink(baseUrl + "/");
        feed.setUri(baseUrl + selfPath);
        feed.setLanguage("en-us");
        feed.setPublishedDate(Date.from(updated));
        feed.setLinks(List.of(link(baseUrl + selfPath, "self", format.mediaType()),
                link(baseUrl + "/", "alternate", "text/html")));
        // Atom needs an author for entries without one; RSS would put it in managingEditor, which must be an email
        if (format == FeedFormat.ATOM) feed.setAuthors(List.of(person("RxRadar")));
        List<SyndEntry> entries = new ArrayList<>(items.size());
        for (TaggedItem item : items) entries.add(entry(item, format));
        feed.setEntries(entries);
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192 + items.size() * 1024);
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            new SyndFeedOutput().output(feed, w, false);
        } catch (IOException | FeedException e) {
            // our own records went in; a failure here is a bug, not bad input
            throw new IllegalStateException("Could not write " + format + " feed '" + title + "': " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private SyndEntry entry(TaggedItem item, FeedFormat format) {
        SyndEntry e = new SyndEntryImpl();
        e.setUri("urn:rxradar:item:" + item.id());
        e.setTitle(Html.xmlSafe(orDefault(item.title(), "(untitled)")));
        if (item.url() != null && !item.url().isBlank()) e.setLink(Html.xmlSafe(item.url()));
        String source = sources.name(item.source());
        String author = item.employer() != null && !item.employer().isBlank() ? item.employer() : source;
        if (author != null && !author.isBlank()) {
            e.setAuthors(List.of(person(Html.xmlSafe(author))));
            e.setAuthor(Html.xmlSafe(author)); // RSS has no name-only author element: this becomes dc:creator there
        }
        // Atom's <source> names where the entry was found (RSS's needs the source feed's URL, which may be an API's)
        if (format == FeedFormat.ATOM && source != null && !source.isBlank()) {
            SyndFeed from = new SyndFeedImpl();
            from.setTitle(Html.xmlSafe(source));
            e.setSource(from);
        }
        Instant published = FeedView.sortTime(item);
        e.setPublishedDate(Date.from(published));
        e.setUpdatedDate(Date.from(FeedView.changeTime(item)));
        List<SyndCategory> categories = new ArrayList<>();
        for (String s : item.settings()) categories.add(category(s, baseUrl + "/feeds/settings", format));
        for (String t : item.topics()) categories.add(category(t, baseUrl + "/feeds/topics", format));
        e.setCategories(categories);
        if (item.summary() != null && !item.summary().isBlank()) e.setDescription(description(item.summary(), format));
        if (item.kind() == Kind.JOB) e.setContents(List.of(content("html", leadHtml(item, source))));
        return e;
    }

    /**
     * The summary is plain text. Atom says so ({@code type="text"}); RSS 2.0's description has no
     * type and readers render it as HTML, so there the text is HTML-escaped first: a summary reading
     * {@code <script>} (a source that double-encoded its markup) stays text instead of becoming a tag.
     */
    static SyndContent description(String summary, FeedFormat format) {
        return format == FeedFormat.RSS ? content("text/html", Html.escape(summary)) : content("text/plain", Html.xmlSafe(summary));
    }

    /** The job fields a reader wants at a glance, as a small HTML block; every text is escaped. */
    static String leadHtml(TaggedItem item, String source) {
        StringBuilder html = new StringBuilder("<ul>");
        if (item.employer() != null && !item.employer().isBlank()) row(html, "Employer", item.employer());
        row(html, "Pay", pay(item.salary()));
        row(html, "Location", location(item.location()));
        row(html, "Certifications", certifications(item.certifications()));
        if (item.employment() != null) row(html, "Employment", Labels.of(item.employment()));
        if (!item.shift().isEmpty()) row(html, "Shift", String.join(", ", item.shift().stream().map(Labels::of).toList()));
        if (source != null && !source.isBlank()) row(html, "Source", source);
        html.append("</ul>");
        if (item.summary() != null && !item.summary().isBlank()) {
            html.append("<p>").append(Html.escape(item.summary())).append("</p>");
        }
        return html.toString();
    }

    /** Hourly, with an annual figure beside it: see {@link HourlyPay#format}. */
    static String pay(Salary s) {
        String text = HourlyPay.format(s);
        return text == null ? "not stated" : text;
    }

    static String location(Place p) {
        if (p == null) return "not stated";
        String where;
        if (p.city() != null && p.state() != null) where = p.city() + ", " + p.state();
        else if (p.state() != null) where = p.state();
        else where = p.text() == null || p.text().isBlank() ? "" : p.text();
        if (p.remote()) where = where.isEmpty() ? "remote" : where + " (remote)";
        return where.isEmpty() ? "not stated" : where;
    }

    /** "PTCB CPhT or NHA ExCPT (required), CSPT (preferred)". */
    static String certifications(List<Certification> certs) {
        if (certs.isEmpty()) return "none stated";
        List<String> parts = new ArrayList<>();
        for (Certification c : certs) parts.add(c.label() + (c.required() ? " (required)" : " (preferred)"));
        return String.join(", ", parts);
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<li><b>").append(label).append(":</b> ").append(Html.escape(value)).append("</li>");
    }

    private static SyndCategory category(String id, String scheme, FeedFormat format) {
        SyndCategory c = new SyndCategoryImpl();
        c.setName(format == FeedFormat.ATOM ? id : Labels.of(id));
        if (format == FeedFormat.ATOM) c.setLabel(Labels.of(id));
        c.setTaxonomyUri(scheme);
        return c;
    }

    private static SyndContent content(String type, String value) {
        SyndContent c = new SyndContentImpl();
        c.setType(type);
        c.setValue(value);
        return c;
    }

    private static SyndLink link(String href, String rel, String type) {
        SyndLink l = new SyndLinkImpl();
        l.setHref(href);
        l.setRel(rel);
        l.setType(type);
        return l;
    }

    private static SyndPerson person(String name) {
        SyndPerson p = new SyndPersonImpl();
        p.setName(name);
        return p;
    }

    private static String orDefault(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }
}
