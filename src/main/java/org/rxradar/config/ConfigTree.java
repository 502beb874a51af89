package org.rxradar.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.rxradar.config.ConfigException.Problem;

/**
 * Checks the YAML tree against the configuration records before binding, so that every unknown
 * key and every value of the wrong type in a file is reported at once, in words (binding stops at
 * the first and speaks of Java types). A wrong value is removed from the tree, so that binding
 * then succeeds and the remaining checks of {@link ConfigValidator} still run.
 */
final class ConfigTree {
    private static final PropertyNamingStrategies.KebabCaseStrategy KEBAB = new PropertyNamingStrategies.KebabCaseStrategy();

    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, String> fromEnvironment;

    private ConfigTree(Map<String, String> fromEnvironment) {
        this.fromEnvironment = fromEnvironment;
    }

    /**
     * Every problem of the tree, in the order of the file; the tree is left bindable.
     *
     * @param fromEnvironment dotted key to the environment variable that set it, to name the variable too
     */
    static List<Problem> check(ObjectNode tree, Map<String, String> fromEnvironment) {
        ConfigTree check = new ConfigTree(fromEnvironment);
        check.record(tree, RxRadarConfig.class, "");
        return check.problems;
    }

    private void record(ObjectNode node, Class<?> type, String path) {
        Map<String, RecordComponent> components = new LinkedHashMap<>();
        for (RecordComponent c : type.getRecordComponents()) components.put(key(c), c);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = join(path, field.getKey());
            RecordComponent c = components.get(field.getKey());
            if (c == null) {
                problem(key, "unknown key (known keys: " + components.keySet().stream().sorted().collect(Collectors.joining(", ")) + ")");
                it.remove();
            } else if (!value(field.getValue(), c.getGenericType(), key, replacement -> field.setValue(replacement))) {
                it.remove();
            }
        }
    }

    /** The key of a component in the file: its explicit JSON name, or its name in kebab-case. */
    private static String key(RecordComponent c) {
        com.fasterxml.jackson.annotation.JsonProperty named = c.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
        return named != null && !named.value().isEmpty() ? named.value() : KEBAB.translate(c.getName());
    }

    /** Checks one value; false when it is wrong (reported) and must go. {@code replace} normalises a value in place. */
    private boolean value(JsonNode v, Type type, String key, java.util.function.Consumer<JsonNode> replace) {
        if (v == null || v.isNull()) return true; // the default applies
        Class<?> raw = raw(type);
        // a subscriber is checked in its written form; its own constructor checks the values
        if (raw == org.rxradar.model.Subscriber.class) raw = org.rxradar.model.Subscriber.Fields.class;
        if (raw.isRecord()) {
            if (v instanceof ObjectNode o) {
                record(o, raw, key);
                return true;
            }
            return wrong(key, v, "a mapping of keys (" + String.join(", ", keys(raw)) + ")");
        }
        if (raw == String.class) return v.isValueNode() || wrong(key, v, "text");
        if (raw == Integer.class || raw == Short.class || raw == Long.class) {
            long max = raw == Short.class ? Short.MAX_VALUE : raw == Integer.class ? Integer.MAX_VALUE : Long.MAX_VALUE;
            if (v.isIntegralNumber() && v.canConvertToLong() && Math.abs(v.asLong()) <= max) return true;
            if (v.isTextual()) {
                try {
                    long n = Long.parseLong(v.textValue().trim());
                    if (Math.abs(n) <= max) return true;
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
            return wrong(key, v, "a whole number");
        }
        if (raw == Boolean.class) {
            if (v.isBoolean()) return true;
            String text = v.isTextual() ? v.textValue().trim().toLowerCase(Locale.ROOT) : "";
            if (text.equals("true") || text.equals("false")) {
                replace.accept(BooleanNode.valueOf(text.equals("true")));
                return true;
            }
            return wrong(key, v, "true or false");
        }
        if (raw == Duration.class) {
            if (!v.isValueNode()) return wrong(key, v, "a duration (examples: 500ms, 30s, 30m, 1h, 1d)");
            try {
                Durations.parse(v.asText());
                return true;
            } catch (IllegalArgumentException e) {
                problem(key, e.getMessage());
                return false;
            }
        }
        if (raw == List.class) {
            if (!(v instanceof ArrayNode array)) return wrong(key, v, "a list ([a, b] or one '- item' per line)");
            Type element = argument(type, 0);
            List<Integer> drop = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                final int index = i;
                String elementKey = key + "[" + i + "]";
                JsonNode el = array.get(i);
                if (el.isNull()) {
                    problem(elementKey, "empty");
                    drop.add(i);
                } else if (!value(el, element, elementKey, replacement -> array.set(index, replacement))) {
                    // a record element stays (as an empty mapping) so that later elements keep their numbers
                    if (raw(element).isRecord()) array.set(i, JsonNodeFactory.instance.objectNode());
                    else drop.add(i);
                }
            }
            for (int i = drop.size() - 1; i >= 0; i--) array.remove((int) drop.get(i));
            return true;
        }
        if (raw == Map.class) {
            if (!(v instanceof ObjectNode o)) return wrong(key, v, "a mapping of keys to values");
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                    wrong(key + "." + e.getKey(), e.getValue(), "text");
                    it.remove();
                }
            }
            return true;
        }
        return true; // any other type: binding checks it
    }

    private boolean wrong(String key, JsonNode v, String expected) {
        problem(key, describe(v) + " is not " + expected);
        return false;
    }

    private void problem(String key, String what) {
        String env = fromEnvironment.get(key);
        problems.add(new Problem(key, env == null ? what : what + " (from the environment variable " + env + ")"));
    }

    /** The value as a person wrote it: {@code 'abc'}, {@code a list}, {@code a mapping}. */
    private static String describe(JsonNode v) {
        if (v.isArray()) return "a list";
        if (v.isObject()) return "a mapping";
        String text = v.asText();
        return "'" + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + "'";
    }

    private static List<String> keys(Class<?> record) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) out.add(key(c));
        return out;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) return c;
        if (type instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        return Object.class;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
