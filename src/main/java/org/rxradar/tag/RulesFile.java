package org.rxradar.tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.rxradar.config.ConfigLoader;

/**
 * One rules file as written, bound by Jackson (kebab-case keys, unknown keys refused); a section or
 * key left out is null. Phrases and weights stay {@link JsonNode}s so that {@link RulesReader} can
 * tell a phrase YAML read as yes/no, or a weight that is not a number, and name it. Binding stops
 * at the first wrong shape, named by its key path and, for an unknown key, the keys known there.
 */
record RulesFile(Negation negation, Scoring scoring, Map<String, Tag> settings, Map<String, Tag> topics,
                 Relevance relevance, Map<String, List<JsonNode>> employment, Map<String, List<JsonNode>> shift,
                 Certifications certifications, Location location, List<EmployerEntry> employers) {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // "1.5" in quotes is text: weights and windows must be written as numbers
            .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    /** The file bound, or null when it is empty; broken YAML or a wrong shape is a {@link RulesException}. */
    static RulesFile read(InputStream in, String source) {
        JsonNode tree;
        try {
            // the whole text first, so that broken YAML is named as such and not as a wrong shape
            tree = YAML.readTree(in);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new RulesException("rules file " + source + " is not valid YAML: " + why, e);
        }
        if (tree == null || tree.isNull() || tree.isMissingNode()) return null;
        try {
            return YAML.treeToValue(tree, RulesFile.class);
        } catch (JsonProcessingException e) {
            throw new RulesException("rules file " + source + ": " + (e instanceof JsonMappingException m ? bindingProblem(m) : e.getOriginalMessage()), e);
        }
    }

    /** A binding error in words: the key path and what was expected there. */
    private static String bindingProblem(JsonMappingException e) {
        String at = ConfigLoader.keyPath(e);
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            return at + ": " + (e.getPath().size() == 1 ? "unknown section" : "unknown key") + " (expected one of " + known + ")";
        }
        if (at.isEmpty()) return "the top level must be a mapping";
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        if (target == null) return at + ": " + e.getOriginalMessage();
        if (Number.class.isAssignableFrom(target)) return at + ": must be a number";
        if (target == Boolean.class) return at + ": must be true or false";
        if (target == String.class) return at + ": must be a phrase";
        if (Collection.class.isAssignableFrom(target)) return at + ": must be a list";
        return at + ": must be a mapping";
    }

    record Negation(Integer window, List<JsonNode> words) {}

    record Scoring(Double threshold, Double titleWeight, Double employerWeight, Double mentionWeight) {}

    /** A setting or topic: its cues (phrase to weight), job-lead multiplier and the tags it yields to. */
    record Tag(Map<String, JsonNode> cues, Double jobFactor, List<String> yieldsTo) {}

    record Relevance(Double threshold, Double titleWeight, Double newsBase, Map<String, JsonNode> job,
                     Map<String, JsonNode> news, List<JsonNode> jobContext) {}

    record Certifications(Map<String, List<JsonNode>> mentions, List<JsonNode> organisations, List<JsonNode> required,
                          List<JsonNode> preferred, List<JsonNode> training) {}

    record Location(List<JsonNode> remote) {}

    /** A gazetteer entry; divisions inherit {@code employer-field-only} unless they set it. */
    record EmployerEntry(String name, List<JsonNode> aliases, List<String> settings, List<EmployerEntry> divisions,
                         Boolean employerFieldOnly) {}
}
