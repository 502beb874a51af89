package org.rxradar.fetch;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rejects entity-expansion attacks before an XML parser sees them. A DOCTYPE as such is allowed
 * (RSS 0.91's Netscape DTD, HTML entity declarations); what is refused is an internal subset whose
 * entities refer to other entities (billion laughs), are large (quadratic blow-up) or too many.
 * External entities are never fetched by the parser; this guard only bounds the internal ones.
 */
final class DoctypeGuard {
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("<!ENTITY\\s+(%\\s+)?([^\\s]+)\\s+(?:\"([^\"]*)\"|'([^']*)')");
    // references to other entities; the five predefined ones (&amp; …) are plain characters
    private static final Pattern REFERENCE = Pattern.compile("%[A-Za-z_:][^;\\s]*;|&(?!(?:lt|gt|amp|quot|apos);)[A-Za-z_:][^;\\s]*;");
    private static final Pattern USE = Pattern.compile("&([A-Za-z_:][A-Za-z0-9._:-]*);");
    private static final int MAX_VALUE = 1024;
    private static final int MAX_ENTITIES = 300;
    private static final int HEAD = 64 * 1024;

    private DoctypeGuard() {}

    /**
     * Checks the document and expands its internal general entities itself (they are short and
     * flat once checked), so the XML parser, which expands none, does not drop their text.
     * The expanded document may grow to at most twice its size plus 1 MB.
     */
    static String defuse(String xml) throws FetchException {
        Map<String, String> entities = check(xml);
        if (entities.isEmpty()) return xml;
        int close = xml.indexOf("]>");
        int bodyStart = close < 0 ? 0 : close + 2;
        long limit = 2L * xml.length() + 1024 * 1024;
        StringBuilder out = new StringBuilder(xml.length() + 1024).append(xml, 0, bodyStart);
        Matcher m = USE.matcher(xml);
        m.region(bodyStart, xml.length());
        int last = bodyStart;
        while (m.find()) {
            String value = entities.get(m.group(1));
            if (value == null) continue;
            out.append(xml, last, m.start()).append(value);
            last = m.end();
            if (out.length() > limit) throw new FetchException("refused: entity expansion grows the document beyond " + limit + " characters");
        }
        return out.append(xml, last, xml.length()).toString();
    }

    static Map<String, String> check(String xml) throws FetchException {
        String head = xml.length() > HEAD ? xml.substring(0, HEAD) : xml;
        Matcher d = DOCTYPE.matcher(head);
        Map<String, String> entities = new HashMap<>();
        if (!d.find()) return entities;
        int open = head.indexOf('[', d.end());
        int firstTag = head.indexOf('>', d.end());
        if (open < 0 || (firstTag >= 0 && firstTag < open)) return entities; // no internal subset
        int close = xml.indexOf("]>", open);
        String subset = close < 0 ? xml.substring(open) : xml.substring(open, close);
        Matcher m = ENTITY.matcher(subset);
        int count = 0;
        while (m.find()) {
            if (++count > MAX_ENTITIES) throw new FetchException("refused: more than " + MAX_ENTITIES + " entity declarations in the DOCTYPE");
            String value = m.group(3) != null ? m.group(3) : m.group(4);
            if (value.length() > MAX_VALUE) {
                throw new FetchException("refused: entity '" + m.group(2) + "' is " + value.length() + " characters long (entity-expansion attack?)");
            }
            if (REFERENCE.matcher(value).find()) {
                throw new FetchException("refused: entity '" + m.group(2) + "' refers to other entities (entity-expansion attack?)");
            }
            if (m.group(1) == null) entities.putIfAbsent(m.group(2), value);
        }
        return entities;
    }
}
