package org.rxradar.tag;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One rules file as written, bound by Jackson (kebab-case keys, unknown keys refused); a section or
 * key left out is null. Phrases and weights stay {@link JsonNode}s so that {@link RulesReader} can
 * tell a phrase YAML read as yes/no, or a weight that is not a number, and name it.
 */
record RulesFile(Negation negation, Scoring scoring, Map<String, Tag> settings, Map<String, Tag> topics,
                 Relevance relevance, Map<String, List<JsonNode>> employment, Map<String, List<JsonNode>> shift,
                 Certifications certifications, Location location, List<EmployerEntry> employers) {

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
