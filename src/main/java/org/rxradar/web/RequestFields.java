package org.rxradar.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rxradar.model.Json;

/**
 * The fields of a request body as name → values, whether it came as a web form
 * ({@code application/x-www-form-urlencoded}, a field repeated per checked box) or as JSON
 * (arrays, or comma-separated strings, for lists). One shape, so validation is written once.
 */
final class RequestFields {
    private static final int MAX_FIELDS = 200;

    private RequestFields() {}

    static Map<String, List<String>> fromForm(String body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) return fields;
        int count = 0;
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            if (++count > MAX_FIELDS) throw new BadRequest(null, "too many form fields");
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(null, "the form data is not properly URL-encoded");
        }
    }

    static Map<String, List<String>> fromJson(byte[] body) {
        JsonNode root;
        try {
            root = Json.tree(body); // strict: a key given twice is refused, not decided by the parser
        } catch (IOException e) {
            throw new BadRequest(null, "the body is not valid JSON: " + Json.problem(e));
        }
        if (root == null || !root.isObject()) throw new BadRequest(null, "the body must be a JSON object");
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (root.size() > MAX_FIELDS) throw new BadRequest(null, "too many fields");
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> values = new ArrayList<>();
            JsonNode v = e.getValue();
            if (v.isArray()) {
                if (v.size() > MAX_FIELDS) throw new BadRequest(e.getKey(), e.getKey() + ": too many values");
                for (JsonNode el : v) values.add(scalar(e.getKey(), el));
            } else if (!v.isNull()) {
                values.add(scalar(e.getKey(), v));
            }
            fields.put(e.getKey(), values);
        }
        return fields;
    }

    private static String scalar(String field, JsonNode v) {
        if (v.isTextual()) return v.textValue();
        if (v.isBoolean() || v.isNumber()) return v.asText();
        throw new BadRequest(field, field + ": expected text, a boolean or a list of text");
    }
}
