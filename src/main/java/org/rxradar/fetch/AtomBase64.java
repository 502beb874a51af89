package org.rxradar.fetch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.filter.Filters;

/**
 * Decodes base64 text constructs before ROME reads them: Atom 0.3's {@code mode="base64"} (on any
 * element: title, summary, content, tagline, copyright) and Atom 1.0 title, summary or content whose
 * type is a media type that is neither text nor XML (RFC 4287 4.1.3.3). ROME decodes the former
 * itself, but a line break inside the base64 (as encoders write it) or text that is not base64
 * fails the whole document; here whitespace is skipped, and an Atom 0.3 construct that does not
 * decode to UTF-8 text is emptied instead, so one bad entry does not cost the others. An Atom 1.0
 * construct of a custom type whose text is not base64 stays as it is.
 */
final class AtomBase64 {
    static final Namespace ATOM03 = Namespace.getNamespace("http://purl.org/atom/ns#");
    static final Namespace ATOM10 = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    private static final List<String> ATOM10_CONSTRUCTS = List.of("title", "summary", "content");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

    private AtomBase64() {}

    static void decode(Document document) {
        Element root = document.getRootElement();
        Namespace ns = root.getNamespace();
        boolean atom03 = ns.equals(ATOM03);
        if (!atom03 && !ns.equals(ATOM10)) return;
        List<Element> encoded = new ArrayList<>(); // collected first: changing text while iterating is not allowed
        if (atom03) {
            for (Element e : root.getDescendants(Filters.element(ns))) {
                if ("base64".equalsIgnoreCase(e.getAttributeValue("mode"))) encoded.add(e);
            }
        } else {
            // only the entries' constructs are read as items; a look at three children per entry
            for (Element entry : root.getChildren("entry", ns)) {
                for (String name : ATOM10_CONSTRUCTS) {
                    Element e = entry.getChild(name, ns);
                    if (e != null && isBase64Type(e.getAttributeValue("type"))) encoded.add(e);
                }
            }
        }
        for (Element e : encoded) {
            String text = text(e.getText());
            if (atom03) {
                e.setText(text == null ? "" : text);
                e.setAttribute("mode", "escaped");
            } else if (text != null) {
                e.setText(text);
                e.setAttribute("type", "html");
            } else if (isMedia(e.getAttributeValue("type"))) {
                e.setText(""); // an image or a sound is no text for an item
            } // else: a custom type whose text is not base64 stays text
        }
    }

    // RFC 4287: a media type that is not text/*, not XML and not one of the three short names means base64
    static boolean isBase64Type(String type) {
        if (type == null) return false;
        String t = type.trim().toLowerCase(Locale.ROOT);
        int semi = t.indexOf(';');
        if (semi >= 0) t = t.substring(0, semi).trim();
        if (t.equals("text") || t.equals("html") || t.equals("xhtml") || !t.contains("/")) return false;
        return !t.startsWith("text/") && !t.endsWith("+xml") && !t.endsWith("/xml");
    }

    private static boolean isMedia(String type) {
        String t = type.trim().toLowerCase(Locale.ROOT);
        return t.startsWith("image/") || t.startsWith("audio/") || t.startsWith("video/") || t.startsWith("application/octet-stream");
    }

    /** The UTF-8 text the base64 encodes, or null when it is not base64 of UTF-8 text. */
    static String text(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(WHITESPACE.matcher(base64).replaceAll(""));
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return CONTROL.matcher(text).find() ? null : text; // binary data, or text XML cannot hold
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return null;
        }
    }
}
