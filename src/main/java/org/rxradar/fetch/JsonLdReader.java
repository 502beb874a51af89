package org.rxradar.fetch;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads the JSON-LD blocks of a page as leniently as browsers and search engines do: comments,
 * raw control characters, trailing commas and HTML comment or CDATA wrappers are tolerated. A
 * block that still cannot be read is skipped, not fatal.
 */
final class JsonLdReader {
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();

    private JsonLdReader() {}

    static List<JsonNode> blocks(Document page) {
        List<JsonNode> out = new ArrayList<>();
        for (Element script : page.select("script[type~=(?i)application/ld\\+json]")) {
            JsonNode node = read(script.data());
            if (node != null) out.add(node);
        }
        return out;
    }

    static JsonNode read(String raw) {
        String s = raw.trim();
        s = s.replaceAll("^(?:<!--|<!\\[CDATA\\[|\\s)+", "").replaceAll("(?:-->|\\]\\]>|\\s|;)+$", "");
        if (s.isEmpty()) return null;
        try {
            return LENIENT.readTree(s);
        } catch (Exception e) {
            return null;
        }
    }

    /** Every object in the tree whose @type is {@code type}, not descending into matches. */
    static void collect(JsonNode node, String type, List<JsonNode> out, int depth) {
        if (node == null || depth > 20) return;
        if (node.isArray()) {
            for (JsonNode n : node) collect(n, type, out, depth + 1);
            return;
        }
        if (!node.isObject()) return;
        if (hasType(node, type)) {
            out.add(node);
            return;
        }
        node.forEach(child -> collect(child, type, out, depth + 1));
    }

    static boolean hasType(JsonNode node, String type) {
        JsonNode t = node.get("@type");
        if (t == null) return false;
        if (t.isArray()) {
            for (JsonNode e : t) if (matches(e.asText(), type)) return true;
            return false;
        }
        return matches(t.asText(), type);
    }

    private static boolean matches(String value, String type) {
        String v = value.trim();
        int cut = Math.max(v.lastIndexOf('/'), v.lastIndexOf(':'));
        return v.substring(cut + 1).equalsIgnoreCase(type);
    }
}
