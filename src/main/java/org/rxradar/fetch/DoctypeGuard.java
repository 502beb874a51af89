package org.rxradar.fetch;

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
    private static final Pattern REFERENCE = Pattern.compile("[&%][A-Za-z_:][^;\\s]*;");
    private static final int MAX_VALUE = 1024;
    private static final int MAX_ENTITIES = 300;
    private static final int HEAD = 64 * 1024;

    private DoctypeGuard() {}

    static void check(String xml) throws FetchException {
        String head = xml.length() > HEAD ? xml.substring(0, HEAD) : xml;
        Matcher d = DOCTYPE.matcher(head);
        if (!d.find()) return;
        int open = head.indexOf('[', d.end());
        int firstTag = head.indexOf('>', d.end());
        if (open < 0 || (firstTag >= 0 && firstTag < open)) return; // no internal subset
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
        }
    }
}
