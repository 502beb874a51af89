package org.rxradar.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * The one JSON mapping of every record: ISO-8601 instants, unknown fields ignored (newer writers).
 *
 * <p>Records and lines read from outside the process ({@link #read}, {@link #tree}) are parsed
 * strictly: a key given twice or anything after the value is an error, so that what one reader
 * sees is what every reader sees (a duplicate {@code email} must not mean one address to the check
 * and another to the mailer). {@link #MAPPER} stays lenient for the third-party documents the
 * fetchers read.
 */
public final class Json {
    public static final ObjectMapper MAPPER = builder().build();

    private static final ObjectMapper STRICT = builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Pattern CODE = Pattern.compile(" \\(code \\d+\\)");
    private static final Pattern EXPECTING = Pattern.compile(": was expecting \\(JSON String.*");
    private static final Pattern JAVA_TYPE = Pattern.compile("`[^`]*`");

    private Json() {}

    private static JsonMapper.Builder builder() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a record strictly; a malformed one is an {@link IOException} for the caller to dead-letter. */
    public static <T> T read(byte[] bytes, Class<T> type) throws IOException {
        return STRICT.readValue(bytes, type);
    }

    /** Parses a record from text strictly (a line of a file, standard input). */
    public static <T> T read(String text, Class<T> type) throws IOException {
        return STRICT.readValue(text, type);
    }

    /** Parses any JSON value strictly: no key twice, nothing after the value. */
    public static JsonNode tree(String text) throws IOException {
        return STRICT.readTree(text);
    }

    /** Parses any JSON value strictly from bytes, which must be UTF-8. */
    public static JsonNode tree(byte[] bytes) throws IOException {
        return STRICT.readTree(bytes);
    }

    /**
     * What is wrong with a JSON text, for a person: {@code duplicate key 'email' (column 31)},
     * {@code not JSON: unexpected character 'x' (column 1)}, {@code 'kind': unknown kind 'gig'}.
     * No parser or Java class names, one line.
     */
    public static String problem(Exception e) {
        if (e instanceof ValueInstantiationException v && v.getCause() != null && v.getCause().getMessage() != null)
            return field(v) + oneLine(v.getCause().getMessage());
        if (e instanceof InvalidFormatException f)
            return field(f) + "'" + f.getValue() + "' is not a valid value";
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty())
            return field(m) + "has a value of the wrong type";
        if (e instanceof JsonMappingException m && m.getCause() instanceof IllegalArgumentException cause && cause.getMessage() != null)
            return field(m) + oneLine(cause.getMessage());
        if (e instanceof JsonProcessingException j) {
            String why = j.getOriginalMessage() == null ? "unreadable" : j.getOriginalMessage();
            String readable;
            if (why.startsWith("Duplicate field ")) readable = "duplicate key " + why.substring("Duplicate field ".length()).replace('"', '\'');
            else if (why.startsWith("Trailing token")) readable = "more text after the JSON value";
            else if (why.contains("end-of-input")) readable = "the JSON ends too early";
            else if (why.startsWith("Invalid UTF-8")) readable = "not valid UTF-8";
            else readable = "not JSON: " + lowerFirst(JAVA_TYPE.matcher(CODE.matcher(EXPECTING.matcher(oneLine(why)).replaceAll(""))
                    .replaceAll("")).replaceAll("a value"));
            return readable + where(j.getLocation());
        }
        return e.getMessage() == null ? "unreadable" : oneLine(e.getMessage());
    }

    private static String field(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            else if (ref.getIndex() >= 0) path.append('[').append(ref.getIndex()).append(']');
        }
        return path.length() == 0 ? "" : "'" + path + "': ";
    }

    private static String where(JsonLocation at) {
        if (at == null || at.getColumnNr() < 1) return "";
        return at.getLineNr() > 1 ? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")" : " (column " + at.getColumnNr() + ")";
    }

    private static String oneLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
