package org.rxradar.fetch;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SAXBuilder;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.WireFeedParser;
import com.rometools.rome.io.XmlReader;
import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.input.JDOMParseException;
import org.rxradar.model.Item;
import org.rxradar.model.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 through ROME. The charset comes from the HTTP header, the XML
 * prolog or the BOM (ROME's XmlReader); a second, lenient pass repairs common breakage ({@link LenientXml}).
 * Entries left out are counted per reason in {@link ParsedItems#dropped()}.
 */
final class XmlFeedParser {
    private static final Logger log = LoggerFactory.getLogger(XmlFeedParser.class);
    private static final Pattern XML_REFERENCE = Pattern.compile("&(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});");
    private static final Pattern PROLOG_ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");
    private static final ThreadLocal<ReusableInput> INPUT = ThreadLocal.withInitial(ReusableInput::new);

    static final String CUT_OFF = "cut off by the end of the document";
    static final String NO_TITLE_TEXT = "no title text and no link";
    static final String NOTHING = "no title, link, id or text";

    ParsedItems parse(byte[] body, String contentType, URI base, ItemFactory factory) throws FetchException {
        String text = DoctypeGuard.defuse(decode(body, contentType));
        SyndFeed feed;
        Map<String, Integer> dropped = new LinkedHashMap<>();
        try {
            feed = build(text);
        } catch (Exception | StackOverflowError first) {
            // the lenient pass: text repairs first, then (if still needed) the structure rebuilt
            try {
                String repaired = LenientXml.repair(text);
                try {
                    feed = build(repaired);
                    text = repaired;
                } catch (Exception | StackOverflowError second) {
                    LenientXml.Rebuilt rebuilt = LenientXml.rebuild(repaired);
                    feed = build(rebuilt.xml());
                    text = rebuilt.xml();
                    if (rebuilt.cutOffEntries() > 0) dropped.put(CUT_OFF, rebuilt.cutOffEntries());
                }
                log.debug("{}: recovered malformed XML ({})", base, first.getMessage());
            } catch (Exception | StackOverflowError last) {
                throw new FetchException("not a parseable RSS/Atom feed: " + firstLine(first.getMessage()), last);
            }
        }
        List<JobFeedFields.Fields> jobFields = factory.kind() == Kind.JOB ? JobFeedFields.read(text) : List.of();
        List<Item> items = items(feed, base, factory, jobFields, dropped);
        int left = dropped.values().stream().mapToInt(Integer::intValue).sum();
        if (left > 0) log.debug("{}: {} entries left out: {}", base, left, dropped);
        String notice = null;
        if (items.isEmpty()) notice = left == 0 ? "the feed has no entries" : "no entry could be kept (" + left + " left out)";
        return new ParsedItems(items, notice, Map.of(), dropped);
    }

    private static SyndFeed build(String xml) throws Exception {
        try {
            return INPUT.get().read(xml);
        } catch (Exception | StackOverflowError e) {
            INPUT.remove(); // a parser that failed midway is not trusted with the next document
            throw e;
        }
    }

    /**
     * ROME's input with its SAX parser set up once per thread rather than once per document, and
     * the document's dates prepared ({@link FeedDates}) before ROME reads them. Same settings,
     * same results, same error messages as {@code SyndFeedInput.build(Reader)}.
     */
    private static final class ReusableInput extends WireFeedInput {
        private final SAXBuilder sax;
        private final RomeParsers parsers = new RomeParsers();

        ReusableInput() {
            super(false, Locale.US);
            setAllowDoctypes(true);   // DOCTYPEs are common in old feeds; external ones are never loaded
            setXmlHealerOn(true);     // maps HTML entities (&nbsp;) to character references
            this.sax = createSAXBuilder(); // ROME's hardened set-up: no external entities, no external DTD
        }

        SyndFeed read(String xml) throws FeedException {
            WireFeed wire;
            Reader plain = new StringReader(xml);
            try (Reader reader = needsHealing(xml) ? new XmlFixerReader(plain) : plain) {
                Document document = sax.build(reader);
                FeedDates.prepareForRome(document);
                AtomBase64.decode(document);
                // as WireFeedInput.build(Document), with the RSS 2.0 and Atom 1.0 parsers' faster twins
                WireFeedParser parser = parsers.parserFor(document);
                if (parser == null) throw new IllegalArgumentException("Invalid document");
                wire = parser.parse(document, false, Locale.US);
            } catch (JDOMParseException ex) {
                throw new ParsingFeedException("Invalid XML: " + ex.getMessage(), ex);
            } catch (IllegalArgumentException ex) {
                throw ex;
            } catch (Exception ex) {
                throw new ParsingFeedException("Invalid XML", ex);
            }
            return new SyndFeedImpl(wire, false);
        }
    }

    /**
     * False when ROME's healer would pass the text through unchanged: it starts with a tag that is
     * not a comment, and every '&amp;' begins one of XML's own entities or a character reference.
     * The healer reads one character at a time, so skipping it where it has nothing to do pays.
     */
    static boolean needsHealing(String xml) {
        if (xml.isEmpty() || xml.charAt(0) != '<' || xml.startsWith("<!--")) return true;
        Matcher reference = XML_REFERENCE.matcher(xml);
        for (int amp = xml.indexOf('&'); amp >= 0; amp = xml.indexOf('&', amp + 1)) {
            if (!reference.region(amp, Math.min(xml.length(), amp + 12)).lookingAt()) return true;
        }
        return false;
    }

    private static String decode(byte[] body, String contentType) {
        String utf8 = declaredUtf8(body);
        if (utf8 != null) return utf8;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            StringBuilder out = new StringBuilder(body.length);
            char[] buf = new char[8192];
            int n;
            while ((n = reader.read(buf)) > 0) out.append(buf, 0, n);
            return out.toString();
        } catch (IOException e) {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * The usual case decoded directly: no byte-order mark and an XML declaration naming UTF-8,
     * which ROME's lenient XmlReader obeys whatever the HTTP header says. Null otherwise, for
     * XmlReader's full detection. Saves its buffers and copies on nearly every feed.
     */
    static String declaredUtf8(byte[] body) {
        if (body.length < 7 || body[0] != '<' || body[1] != '?' || body[2] != 'x' || body[3] != 'm' || body[4] != 'l'
                || !Character.isWhitespace(body[5])) {
            return null;
        }
        int end = -1;
        for (int i = 6; i < Math.min(body.length, 512); i++) {
            if (body[i] == '>') {
                if (body[i - 1] == '?') end = i - 1;
                break; // ROME reads the declaration up to the first '>'
            }
        }
        if (end < 0) return null;
        Matcher m = PROLOG_ENCODING.matcher(new String(body, 0, end, StandardCharsets.ISO_8859_1));
        if (!m.find() || !m.group(1).equalsIgnoreCase("UTF-8") || m.find()) return null;
        return new String(body, StandardCharsets.UTF_8);
    }

    private List<Item> items(SyndFeed feed, URI base, ItemFactory factory, List<JobFeedFields.Fields> jobFields,
                             Map<String, Integer> dropped) {
        URI feedBase = base;
        List<Item> out = new ArrayList<>();
        // positions only line up when both readers saw the same entries
        boolean aligned = jobFields.size() == feed.getEntries().size();
        for (int n = 0; n < feed.getEntries().size(); n++) {
            SyndEntry e = feed.getEntries().get(n);
            JobFeedFields.Fields extra = aligned ? jobFields.get(n) : null;
            String link = Links.resolve(feedBase, e.getLink());
            if (link == null && e.getLinks() != null && !e.getLinks().isEmpty()) link = Links.resolve(feedBase, e.getLinks().get(0).getHref());
            if (link == null && e.getUri() != null && e.getUri().startsWith("http")) link = Links.resolve(feedBase, e.getUri());
            Date date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
            String title = title(e);
            // a title of markup only (an image) says nothing, and without a link there is nothing to follow either
            if (link == null && title != null && !title.isBlank() && TextCleaner.title(title) == null) {
                dropped.merge(NO_TITLE_TEXT, 1, Integer::sum);
                continue;
            }
            Item item = factory.entry(link, e.getUri(), title, summary(e),
                    date == null ? null : date.toInstant(),
                    firstOf(firstOf(foreign(e, "company", "employer", "hiringorganization", "companyname"), extra == null ? null : extra.employer()),
                            factory.kind() == Kind.JOB ? authorName(e) : null),
                    firstOf(foreign(e, "location", "joblocation", "city"), extra == null ? null : extra.location()));
            if (item != null) out.add(item);
            else dropped.merge(NOTHING, 1, Integer::sum);
        }
        return out;
    }

    private static String title(SyndEntry e) {
        if (e.getTitle() != null && !e.getTitle().isBlank()) return e.getTitle();
        Object dc = e.getModule(DCModule.URI);
        return dc instanceof DCModule m ? m.getTitle() : null;
    }

    /**
     * The fuller of the entry's description (Atom summary) and content: job boards often put a
     * one-line summary beside the whole posting, and pay, certifications and shift are in the latter.
     */
    private static String summary(SyndEntry e) {
        String best = e.getDescription() == null ? null : e.getDescription().getValue();
        for (SyndContent c : e.getContents()) {
            String v = c.getValue();
            if (v != null && !v.isBlank() && (best == null || best.isBlank() || v.length() > best.length())) best = v;
        }
        return best == null || best.isBlank() ? null : best;
    }

    // Job feeds carry the employer and place in extension elements (job:company, location…).
    private static String foreign(SyndEntry e, String... names) {
        Object markup = e.getForeignMarkup();
        if (!(markup instanceof List<?> list)) return null;
        for (Object o : list) {
            if (o instanceof Element el) {
                String local = el.getName().toLowerCase(Locale.ROOT);
                for (String n : names) {
                    if (local.equals(n) && !el.getTextTrim().isEmpty()) return el.getTextTrim();
                }
            }
        }
        return null;
    }

    /**
     * A job board's entry author is the hiring organisation (Atom {@code <author><name>}, RSS
     * {@code dc:creator}); the last resort for a job lead's employer. An e-mail address is a
     * person, not an employer, and is ignored.
     */
    private static String authorName(SyndEntry e) {
        String name = e.getAuthors() != null && !e.getAuthors().isEmpty() ? e.getAuthors().get(0).getName() : e.getAuthor();
        if (name == null || name.isBlank() || name.contains("@")) return null;
        return name;
    }

    private static String firstOf(String a, String b) {
        return a != null ? a : b;
    }

    private static String firstLine(String message) {
        if (message == null) return "unknown error";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
