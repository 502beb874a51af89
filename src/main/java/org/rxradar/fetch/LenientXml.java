package org.rxradar.fetch;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;

/**
 * The second chance for malformed feeds, in two steps that each end in a document for ROME's
 * strict, hardened parser again (no DTD, no external entity is ever read):
 * <ol>
 * <li>{@link #repair}: text fixes. Anything before the first tag and after the root element's
 *     end tag is cut, characters XML forbids are dropped, the DOCTYPE is removed (its internal
 *     entities were already expanded by {@link DoctypeGuard}), and every '&amp;' is made a
 *     well-formed reference: {@code &#X41;} becomes {@code &#x41;}, an HTML entity such as
 *     {@code &nbsp;} its character reference, anything else ({@code Q&A}, {@code ?a=1&b=2},
 *     an undefined {@code &foo;}) {@code &amp;}.</li>
 * <li>{@link #rebuild}: structure fixes, through jsoup's XML parser, which closes elements left
 *     open, ignores stray end tags, quotes attribute values and drops duplicate attributes;
 *     namespace prefixes used but never declared ({@code dc:creator} without {@code xmlns:dc})
 *     are declared on the root. An entry the document ends inside of is removed when the end
 *     falls inside one of its elements (its title or link may be cut short) and counted.</li>
 * </ol>
 * CDATA sections, comments and processing instructions are left as they are.
 */
final class LenientXml {
    static final int MAX_DEPTH = 200;
    private static final Pattern INVALID_CHARS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");
    private static final Pattern ROOT = Pattern.compile("<(rss|feed|rdf:RDF|RDF)[\\s>]");
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMERIC = Pattern.compile("#(?:[0-9]{1,8}|[xX][0-9a-fA-F]{1,7})");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9._:-]{0,31}");
    private static final Map<String, String> KNOWN_PREFIXES = Map.of(
            "dc", "http://purl.org/dc/elements/1.1/",
            "content", "http://purl.org/rss/1.0/modules/content/",
            "atom", "http://www.w3.org/2005/Atom",
            "media", "http://search.yahoo.com/mrss/",
            "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "dcterms", "http://purl.org/dc/terms/",
            "itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd",
            "slash", "http://purl.org/rss/1.0/modules/slash/",
            "wfw", "http://wellformedweb.org/CommentAPI/",
            "sy", "http://purl.org/rss/1.0/modules/syndication/");

    /** The document rebuilt, and how many entries were removed because the document ended inside them. */
    record Rebuilt(String xml, int cutOffEntries) {}

    private LenientXml() {}

    static String repair(String xml) {
        String s = xml.replace("\uFEFF", "");
        int start = s.indexOf('<');
        if (start > 0) s = s.substring(start);
        s = INVALID_CHARS.matcher(s).replaceAll("");
        s = withoutDoctype(s);
        s = references(s);
        return cutAfterRoot(s);
    }

    /**
     * The DOCTYPE declaration, internal subset included, cut out. {@link DoctypeGuard} has checked
     * and expanded its entities before either pass; whatever references remain are made plain text
     * by {@link #references}, so the repaired document needs no DTD at all.
     */
    static String withoutDoctype(String s) {
        Matcher d = DOCTYPE.matcher(s);
        if (!d.find()) return s;
        int firstTag = s.indexOf('>', d.end());
        int open = s.indexOf('[', d.end());
        int end;
        if (open >= 0 && (firstTag < 0 || open < firstTag)) {
            int close = s.indexOf(']', open);
            end = close < 0 ? -1 : s.indexOf('>', close);
        } else {
            end = firstTag;
        }
        if (end < 0) return s.substring(0, d.start());
        return s.substring(0, d.start()) + s.substring(end + 1);
    }

    /** Every '&amp;' outside CDATA, comments and processing instructions made a well-formed reference. */
    static String references(String s) {
        if (s.indexOf('&') < 0) return s;
        StringBuilder out = new StringBuilder(s.length() + 64);
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '<') {
                int skip = opaqueEnd(s, i);
                if (skip > i) {
                    out.append(s, i, skip);
                    i = skip;
                    continue;
                }
            }
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int semi = -1; // looked for in a short window only: a long run of '&' without ';' stays linear
            for (int j = i + 1; j < Math.min(n, i + 42) && semi < 0; j++) {
                if (s.charAt(j) == ';') semi = j;
            }
            String ref = semi < 0 ? null : s.substring(i + 1, semi);
            String fixed = ref == null ? null : reference(ref);
            if (fixed == null) {
                out.append("&amp;");
                i++;
            } else {
                out.append(fixed);
                i = semi + 1;
            }
        }
        return out.toString();
    }

    // The end of the CDATA section, comment or processing instruction starting at i; i itself when none starts there.
    private static int opaqueEnd(String s, int i) {
        String close;
        if (s.startsWith("<![CDATA[", i)) close = "]]>";
        else if (s.startsWith("<!--", i)) close = "-->";
        else if (s.startsWith("<?", i)) close = "?>";
        else return i;
        int end = s.indexOf(close, i + 2);
        return end < 0 ? s.length() : end + close.length();
    }

    // The well-formed form of the reference '&ref;', or null when it is none (the '&' is then text).
    private static String reference(String ref) {
        if (ref.isEmpty()) return null;
        if (ref.charAt(0) == '#') {
            if (!NUMERIC.matcher(ref).matches()) return null;
            boolean hex = ref.charAt(1) == 'x' || ref.charAt(1) == 'X';
            long code = Long.parseLong(ref.substring(hex ? 2 : 1), hex ? 16 : 10);
            if (!allowedInXml(code)) return "&#xFFFD;";
            return hex ? "&#x" + ref.substring(2) + ";" : "&" + ref + ";";
        }
        if (!NAME.matcher(ref).matches()) return null;
        switch (ref) {
            case "amp", "lt", "gt", "quot", "apos" -> {
                return "&" + ref + ";";
            }
            default -> {
                String chars = Entities.isNamedEntity(ref) ? Entities.getByName(ref) : "";
                if (chars.isEmpty()) return null;
                StringBuilder out = new StringBuilder();
                chars.codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
                return out.toString();
            }
        }
    }

    private static boolean allowedInXml(long c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }

    private static String cutAfterRoot(String s) {
        Matcher m = ROOT.matcher(s);
        if (!m.find()) return s;
        String end = "</" + m.group(1) + ">";
        int at = s.lastIndexOf(end);
        return at < 0 ? s : s.substring(0, at + end.length());
    }

    /**
     * Step two, on a document {@link #repair} already went over. Throws when the elements nest
     * deeper than {@value #MAX_DEPTH} levels: no feed does, and the strict parser would spend
     * minutes on the document the rebuild makes of, say, 100,000 unclosed elements.
     */
    static Rebuilt rebuild(String repaired) {
        Document doc = Jsoup.parse(repaired, "", Parser.xmlParser().setTrackPosition(true));
        Element root = doc.children().first();
        if (root == null) return new Rebuilt(repaired, 0);
        int[] deepest = {0};
        NodeTraversor.traverse((node, depth) -> deepest[0] = Math.max(deepest[0], depth), root);
        if (deepest[0] > MAX_DEPTH) {
            throw new IllegalArgumentException("elements nest more than " + MAX_DEPTH + " levels deep");
        }
        int cutOff = removeCutOffEntries(root);
        declarePrefixes(root);
        doc.outputSettings().prettyPrint(false).syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(Entities.EscapeMode.xhtml).charset("UTF-8");
        return new Rebuilt(root.outerHtml(), cutOff);
    }

    /**
     * Entries (RSS items, Atom entries) still open at the end of the document are kept when the
     * end fell between their elements, and removed when it fell inside one of them.
     */
    private static int removeCutOffEntries(Element root) {
        if (!root.endSourceRange().isImplicit()) return 0; // the root's end tag is there: the document was not cut off
        int end = root.endSourceRange().endPos();
        int removed = 0;
        for (Element e : root.getAllElements()) {
            String local = localName(e.tagName());
            if (!local.equals("item") && !local.equals("entry") || !openAtEnd(e, end)) continue;
            boolean cutInside = false;
            for (Element child : e.getAllElements()) {
                if (child != e && openAtEnd(child, end)) cutInside = true;
            }
            if (cutInside) {
                e.remove();
                removed++;
            }
        }
        return removed;
    }

    // closed by the end of the input rather than by an end tag (a self-closing tag also has an implicit end, elsewhere)
    private static boolean openAtEnd(Element e, int end) {
        return e.endSourceRange().isImplicit() && e.endSourceRange().endPos() == end;
    }

    /**
     * Prefixes used but declared nowhere in the document get a declaration on the root. One that is
     * declared somewhere, if out of scope where used, is left alone: checking every use against its
     * ancestors would cost a deeply nested document quadratic time.
     */
    private static void declarePrefixes(Element root) {
        Set<String> declared = new HashSet<>();
        Set<String> used = new LinkedHashSet<>();
        for (Element e : root.getAllElements()) {
            addPrefix(e.tagName(), used);
            for (Attribute a : e.attributes()) {
                if (a.getKey().startsWith("xmlns:")) declared.add(a.getKey().substring(6));
                else if (!a.getKey().equals("xmlns")) addPrefix(a.getKey(), used);
            }
        }
        for (String p : used) {
            if (!p.equals("xml") && !declared.contains(p)) {
                root.attr("xmlns:" + p, KNOWN_PREFIXES.getOrDefault(p, "urn:x-undeclared-prefix:" + p));
            }
        }
    }

    private static void addPrefix(String name, Set<String> into) {
        String p = prefix(name);
        if (p != null) into.add(p);
    }

    private static String prefix(String name) {
        int colon = name.indexOf(':');
        return colon <= 0 ? null : name.substring(0, colon);
    }

    private static String localName(String name) {
        return name.substring(name.indexOf(':') + 1);
    }
}
