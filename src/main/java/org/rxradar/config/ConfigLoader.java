package org.rxradar.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import org.rxradar.model.FieldProblem;
import org.rxradar.model.InvalidValueException;
import org.rxradar.model.Subscriber;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the YAML file, applies environment overrides, binds the result and validates it.
 *
 * <p>Every scalar key can be overridden by an environment variable named after its path:
 * {@code http.port} by {@code RXRADAR_HTTP_PORT}, {@code kafka.bootstrap-servers} by
 * {@code RXRADAR_KAFKA_BOOTSTRAP_SERVERS}. Lists (sources, subscribers) come from the file only.
 */
public final class ConfigLoader {
    public static final String ENV_PREFIX = "RXRADAR_";

    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .addModule(new SimpleModule()
                    .addDeserializer(Duration.class, new DurationDeserializer())
                    .addSerializer(Duration.class, new DurationSerializer()))
            .build();

    private ConfigLoader() {}

    /** Loads {@code file} (or only defaults when null) with the process environment's overrides. */
    public static RxRadarConfig load(Path file) {
        return load(file, System.getenv());
    }

    public static RxRadarConfig load(Path file, Map<String, String> env) {
        return check(readTree(file), env, file);
    }

    /** Parses YAML text; for tests and for the {@code --config} of a string. */
    public static RxRadarConfig parse(String yaml, Map<String, String> env) {
        ObjectNode tree;
        try {
            JsonNode node = YAML.readTree(yaml);
            tree = node instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
        } catch (JsonProcessingException e) {
            throw new ConfigException("", "not valid YAML: " + e.getOriginalMessage());
        }
        return check(tree, env, null);
    }

    /**
     * Every problem of the file at once: keys and value types on the tree, then ranges, ids and
     * addresses on the bound records (leaving out those under a key already reported).
     */
    private static RxRadarConfig check(ObjectNode tree, Map<String, String> env, Path file) {
        Map<String, String> fromEnvironment = applyEnvironment(tree, env);
        List<ConfigException.Problem> problems = new ArrayList<>(ConfigTree.check(tree, fromEnvironment));
        JsonNode subscribers = tree.remove("subscribers");
        RxRadarConfig config = bind(tree, file).withSubscribers(subscribers(subscribers, problems));
        for (ConfigException.Problem p : ConfigValidator.problems(config))
            if (problems.stream().noneMatch(reported -> within(p.key(), reported.key()))) problems.add(p);
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return config;
    }

    private static boolean within(String key, String reported) {
        return !reported.isEmpty() && (key.equals(reported) || key.startsWith(reported + ".") || key.startsWith(reported + "["));
    }

    private static ObjectNode readTree(Path file) {
        if (file == null) return JsonNodeFactory.instance.objectNode();
        if (!Files.isRegularFile(file)) throw new ConfigException("", "config file " + file + " does not exist");
        try {
            JsonNode node = YAML.readTree(utf8(file));
            if (node == null || node.isNull() || node.isMissingNode()) return JsonNodeFactory.instance.objectNode();
            if (!(node instanceof ObjectNode o)) throw new ConfigException("", file + " must hold a YAML mapping at the top");
            return o;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new ConfigException("", file + " is not valid YAML" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("", "cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * The file's text; bytes that are not UTF-8 are an error naming the line, not silently replaced
     * (an address with a replacement character in it would be accepted and mailed).
     */
    private static String utf8(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes);
            int line = 1;
            for (int i = 0; i < bad; i++) if (bytes[i] == '\n') line++;
            throw new ConfigException("", file + " is not valid UTF-8 (line " + line + "): save it as UTF-8");
        }
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder();
        var in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length;
    }

    /**
     * Walks the default configuration's scalar keys and replaces those an environment variable
     * names; returns the dotted keys so set, with their variable.
     */
    static Map<String, String> applyEnvironment(ObjectNode tree, Map<String, String> env) {
        JsonNode defaults = YAML.valueToTree(RxRadarConfig.defaults());
        Map<String, String> set = new LinkedHashMap<>();
        overlay(tree, defaults, ENV_PREFIX, "", env, set);
        return set;
    }

    private static void overlay(ObjectNode target, JsonNode defaults, String prefix, String path, Map<String, String> env,
                                Map<String, String> set) {
        Iterator<Map.Entry<String, JsonNode>> fields = defaults.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = prefix + field.getKey().toUpperCase(Locale.ROOT).replace('-', '_');
            JsonNode def = field.getValue();
            if (def.isObject() && def.size() > 0) {
                JsonNode existing = target.get(field.getKey());
                ObjectNode child = existing instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
                overlay(child, def, name + "_", path + field.getKey() + ".", env, set);
                if (child.size() > 0 && !(existing instanceof ObjectNode)) target.set(field.getKey(), child);
            } else if (!def.isArray() && env.containsKey(name)) {
                target.set(field.getKey(), new TextNode(env.get(name)));
                set.put(path + field.getKey(), name);
            }
        }
    }

    /**
     * Subscribers one by one, so that one with bad values is reported field by field beside the
     * others instead of stopping the binding of the whole file.
     */
    private static List<Subscriber> subscribers(JsonNode list, List<ConfigException.Problem> problems) {
        List<Subscriber> out = new ArrayList<>();
        if (!(list instanceof com.fasterxml.jackson.databind.node.ArrayNode array)) return out;
        for (int i = 0; i < array.size(); i++) {
            String key = "subscribers[" + i + "]";
            try {
                out.add(YAML.treeToValue(array.get(i), Subscriber.class));
            } catch (JsonProcessingException e) {
                if (e.getCause() instanceof InvalidValueException invalid) {
                    for (FieldProblem p : invalid.problems()) {
                        FieldProblem at = p.within(key);
                        problems.add(new ConfigException.Problem(at.field(), at.message()));
                    }
                } else {
                    String at = keyPath(e instanceof JsonMappingException m ? m : null);
                    problems.add(new ConfigException.Problem(at.isEmpty() ? key : key + "." + at, "is not a valid value here"));
                }
            }
        }
        return out;
    }

    private static RxRadarConfig bind(ObjectNode tree, Path file) {
        try {
            return YAML.treeToValue(tree, RxRadarConfig.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : " (known keys: "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")) + ")";
            throw new ConfigException(keyPath(e), "unknown key" + known);
        } catch (JsonMappingException e) {
            // ConfigTree has removed every value of a wrong type; this is the fallback, in words all the same
            Throwable cause = e.getCause();
            String why = cause instanceof IllegalArgumentException && cause.getMessage() != null ? cause.getMessage()
                    : "is not a valid value here";
            throw new ConfigException(keyPath(e), why);
        } catch (JsonProcessingException e) {
            throw new ConfigException("", (file == null ? "config" : file.toString()) + " cannot be read as a configuration");
        }
    }

    /**
     * The dotted key path of a binding error: {@code sources[2].interval}; empty without one. Shared by
     * every YAML file bound with Jackson (the configuration, the tagger's rules).
     */
    public static String keyPath(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        if (e == null) return "";
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) out.append('.');
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static final class DurationSerializer extends com.fasterxml.jackson.databind.JsonSerializer<Duration> {
        @Override
        public void serialize(Duration value, com.fasterxml.jackson.core.JsonGenerator gen,
                              com.fasterxml.jackson.databind.SerializerProvider serializers) throws IOException {
            gen.writeString(Durations.format(value));
        }
    }

    private static final class DurationDeserializer extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            return Durations.parse(p.getValueAsString());
        }
    }
}
