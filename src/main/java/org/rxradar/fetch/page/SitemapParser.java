package org.rxradar.fetch.page;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.rxradar.fetch.FetchException;
import org.rxradar.fetch.Links;

/**
 * Reads a sitemap ({@code <urlset>}) or a sitemap index ({@code <sitemapindex>}) event by event
 * (StAX), so that a 50,000-URL sitemap needs the memory of one entry: the URLs that match
 * {@code include} are handed to a consumer as they are read, the others dropped on the spot.
 *
 * <p>Hostile XML: DTD support and external entities are off, so no entity is ever expanded and no
 * DTD or entity is ever read from elsewhere; a DOCTYPE with an internal subset is refused with a
 * message that says so. Sitemaps never need one: an internal subset is how entity-expansion
 * (billion laughs) and external-entity (XXE) attacks arrive. A bare {@code <!DOCTYPE urlset SYSTEM "…">}
 * is let through unread.
 */
final class SitemapParser {
    /** What a document turned out to be, and what was in it. */
    enum Kind { URLSET, INDEX }

    /**
     * @param urls      {@code <url>} entries read
     * @param matched   of those, the ones matching {@code include} (handed to the consumer)
     * @param invalid   entries whose {@code <loc>} is missing or no http(s) URL
     * @param children  an index's child sitemaps, the first {@code maxChildren} of them
     * @param childrenListed how many child sitemaps the index lists in all
     */
    record Result(Kind kind, int urls, int matched, int invalid, List<String> children, int childrenListed) {}

    /** sitemaps.org: a URL "must be less than 2,048 characters". */
    static final int MAX_LOC = 2048;

    private final Pattern include;
    private final int maxChildren;

    SitemapParser(Pattern include, int maxChildren) {
        this.include = include;
        this.maxChildren = maxChildren;
    }

    /**
     * Reads one document.
     *
     * @param base    the sitemap's URL, for the rare relative {@code <loc>}
     * @param onMatch receives each matching URL entry, in document order
     * @throws FetchException with a one-line reason (no URL: the caller names it)
     */
    Result read(InputStream in, URI base, Consumer<SitemapEntry> onMatch) throws FetchException {
        XMLStreamReader r = null;
        try {
            r = factory().createXMLStreamReader(in);
            return walk(r, base, onMatch);
        } catch (XMLStreamException e) {
            throw new FetchException(describe(e));
        } catch (RuntimeException e) {
            throw new FetchException("unreadable XML: " + e.getMessage());
        } finally {
            close(r);
        }
    }

    private Result walk(XMLStreamReader r, URI base, Consumer<SitemapEntry> onMatch) throws XMLStreamException, FetchException {
        Kind kind = null;
        int depth = 0;
        boolean inEntry = false;
        String loc = null;
        String lastmod = null;
        int urls = 0;
        int matched = 0;
        int invalid = 0;
        int childrenListed = 0;
        List<String> children = new ArrayList<>();
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.DTD && declaresEntities(r.getText())) {
                throw new FetchException("refused: the document declares a DOCTYPE, which sitemaps never need "
                        + "(entity-expansion or external-entity attack?)");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = r.getLocalName();
                if (depth == 1) {
                    kind = switch (name) {
                        case "urlset" -> Kind.URLSET;
                        case "sitemapindex" -> Kind.INDEX;
                        default -> throw new FetchException("not a sitemap: the root element is <" + name
                                + ">, not <urlset> or <sitemapindex>");
                    };
                } else if (depth == 2 && sitemapElement(r) && name.equals(kind == Kind.URLSET ? "url" : "sitemap")) {
                    inEntry = true;
                    loc = null;
                    lastmod = null;
                } else if (depth == 3 && inEntry && sitemapElement(r) && (name.equals("loc") || name.equals("lastmod"))) {
                    String text = r.getElementText(); // leaves the reader on the end tag
                    depth--;
                    if (name.equals("loc")) loc = text;
                    else lastmod = text;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == 2 && inEntry) {
                    inEntry = false;
                    String url = loc == null || loc.length() > MAX_LOC ? null : Links.resolve(base, loc);
                    if (kind == Kind.URLSET) {
                        urls++;
                        if (url == null) {
                            invalid++;
                        } else if (include.matcher(url).find()) {
                            matched++;
                            onMatch.accept(SitemapEntry.of(url, lastmod));
                        }
                    } else if (url == null) {
                        invalid++;
                    } else {
                        childrenListed++;
                        if (children.size() < maxChildren) children.add(url);
                    }
                }
                depth--;
            }
        }
        if (kind == null) throw new FetchException("not a sitemap: the document has no root element");
        return new Result(kind, urls, matched, invalid, List.copyOf(children), childrenListed);
    }

    private static boolean declaresEntities(String doctype) {
        return doctype == null || doctype.indexOf('[') >= 0;
    }

    // sitemap elements are in the sitemaps.org namespace (or none, in careless generators); extensions
    // such as image:loc or video:content_loc live in their own namespaces and are skipped
    private static boolean sitemapElement(XMLStreamReader r) {
        String ns = r.getNamespaceURI();
        return ns == null || ns.isEmpty() || ns.contains("sitemap");
    }

    /** The JDK's own StAX implementation (whatever else is on the classpath), with DTDs and external entities off. */
    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("refused: the document refers to an external resource " + systemId);
        });
        return f;
    }

    // "ParseError at [row,col]:[16,18]\nMessage: The entity ..." -> "malformed XML: The entity ... (line 16, column 18)"
    static String describe(XMLStreamException e) {
        if (e.getNestedException() instanceof IOException io) return io.getMessage();
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int at = message.indexOf("Message: ");
        if (at >= 0) message = message.substring(at + "Message: ".length());
        message = message.replaceAll("\\s+", " ").trim();
        if (message.startsWith("refused:")) return message;
        Location where = e.getLocation();
        String position = where == null || where.getLineNumber() < 0 ? ""
                : " (line " + where.getLineNumber() + ", column " + where.getColumnNumber() + ")";
        return "malformed XML: " + message + position;
    }

    private static void close(XMLStreamReader r) {
        if (r == null) return;
        try {
            r.close();
        } catch (XMLStreamException e) {
            // nothing held but the stream the caller closes
        }
    }
}
