package org.rxradar.tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rxradar.model.Taxonomy;

/**
 * Reads rules files (YAML, or JSON which is YAML too) into {@link TaggingRules}. Files are applied
 * in order: a later file adds cues, replaces a cue's weight or a scoring value it names again,
 * and adds employers (a name given again is replaced). Every problem is a {@link RulesException}
 * that names the file and the entry.
 */
final class LegacyRulesReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP_KEYS = Set.of("negation", "scoring", "settings", "topics", "relevance",
            "employment", "shift", "certifications", "location", "employers");
    private static final String IGNORE = "IGNORE";
    private static final String NATIONAL = "NATIONAL";
    private static final String STATE_SLOT = "{state}";

    private final Set<String> negationWords = new LinkedHashSet<>();
    private int negationWindow = 4;
    private final Map<String, Double> scoring = new LinkedHashMap<>(Map.of(
            "threshold", 1.0, "title-weight", 1.5, "employer-weight", 1.2, "mention-weight", 0.6));
    private double relevanceThreshold = 1.0;
    private double relevanceTitleWeight = 3.0;
    private double newsBase = 0.5;
    private final Map<String, Map<String, Double>> settingCues = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> topicCues = new LinkedHashMap<>();
    private final Map<String, Double> jobFactors = new LinkedHashMap<>();
    private final Map<String, List<String>> yieldsTo = new LinkedHashMap<>();
    private final Map<String, Double> jobRelevance = new LinkedHashMap<>();
    private final Map<String, Double> newsRelevance = new LinkedHashMap<>();
    private final Set<String> jobContext = new LinkedHashSet<>();
    private final Map<String, Set<String>> employment = new LinkedHashMap<>();
    private final Map<String, Set<String>> shift = new LinkedHashMap<>();
    private final Map<String, Set<String>> certMentions = new LinkedHashMap<>();
    private final Set<String> certOrganisations = new LinkedHashSet<>();
    private final Set<String> certRequired = new LinkedHashSet<>();
    private final Set<String> certPreferred = new LinkedHashSet<>();
    private final Set<String> certTraining = new LinkedHashSet<>();
    private final Set<String> remote = new LinkedHashSet<>();
    private final Map<String, Employer> employers = new LinkedHashMap<>();
    private final Map<String, Set<String>> divisionsOf = new LinkedHashMap<>();

    /** Applies one file's content; {@code source} names it in error messages. */
    LegacyRulesReader read(InputStream in, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (IOException e) {
            throw new RulesException("rules file " + source + " is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || root.isNull() || root.isMissingNode()) return this;
        if (!root.isObject()) throw new RulesException("rules file " + source + ": the top level must be a mapping");
        new FileReader(source).apply(root);
        return this;
    }

    TaggingRules build() {
        PhraseIndex<Cue> index = new PhraseIndex<>();
        int[] count = {0};
        Set<String> vocabulary = new HashSet<>(List.of("or", "and"));
        vocabulary.addAll(negationWords);
        Adder add = (kind, target, weight, phrase) -> {
            List<String> words = TokenizedText.words(phrase);
            vocabulary.addAll(words);
            index.add(words, new Cue(kind, target, weight, phrase, negationWords.contains(words.get(0))));
            count[0]++;
        };
        settingCues.forEach((tag, cues) -> cues.forEach((p, w) -> add.add(Cue.Kind.SETTING, tag, w, p)));
        topicCues.forEach((tag, cues) -> cues.forEach((p, w) -> add.add(Cue.Kind.TOPIC, tag, w, p)));
        jobRelevance.forEach((p, w) -> add.add(Cue.Kind.RELEVANCE_JOB, "relevant", w, p));
        newsRelevance.forEach((p, w) -> add.add(Cue.Kind.RELEVANCE_NEWS, "relevant", w, p));
        jobContext.forEach(p -> add.add(Cue.Kind.RELEVANCE_CONTEXT, "pharmacy", 1, p));
        employment.forEach((t, ps) -> ps.forEach(p -> add.add(Cue.Kind.EMPLOYMENT, t, 1, p)));
        shift.forEach((t, ps) -> ps.forEach(p -> add.add(Cue.Kind.SHIFT, t, 1, p)));
        certMentions.forEach((t, ps) -> ps.forEach(p -> {
            if (!p.contains(STATE_SLOT)) add.add(Cue.Kind.CERT, t, 1, p);
            else for (String state : PlaceParser.stateNames()) add.add(Cue.Kind.CERT, t, 1, p.replace(STATE_SLOT, state));
        }));
        certRequired.forEach(p -> add.add(Cue.Kind.CERT_REQUIRED, "required", 1, p));
        certPreferred.forEach(p -> add.add(Cue.Kind.CERT_PREFERRED, "preferred", 1, p));
        certTraining.forEach(p -> add.add(Cue.Kind.CERT_TRAINING, "training", 1, p));
        remote.forEach(p -> add.add(Cue.Kind.REMOTE, "remote", 1, p));

        PhraseIndex<Employer> gazetteer = new PhraseIndex<>();
        employers.values().forEach(e -> {
            gazetteer.add(TokenizedText.words(e.name()), e);
            vocabulary.addAll(TokenizedText.words(e.name()));
        });
        Map<String, Set<String>> divisions = new LinkedHashMap<>();
        divisionsOf.forEach((parent, names) -> divisions.put(parent, Set.copyOf(names)));

        Map<String, TaggingRules.TagRule> settings = new LinkedHashMap<>();
        for (String id : settingCues.keySet()) {
            settings.put(id, new TaggingRules.TagRule(id, jobFactors.getOrDefault("settings." + id, 1.0),
                    yieldsTo.getOrDefault(id, List.of())));
        }
        Map<String, TaggingRules.TagRule> topics = new LinkedHashMap<>();
        for (String id : topicCues.keySet()) {
            topics.put(id, new TaggingRules.TagRule(id, jobFactors.getOrDefault("topics." + id, 1.0), List.of()));
        }
        Set<String> orgs = new HashSet<>();
        certOrganisations.forEach(o -> {
            orgs.add(String.join(" ", TokenizedText.words(o)));
            vocabulary.addAll(TokenizedText.words(o));
        });
        return new TaggingRules(negationWords, negationWindow, scoring.get("threshold"), scoring.get("title-weight"),
                scoring.get("employer-weight"), scoring.get("mention-weight"), relevanceThreshold, relevanceTitleWeight, newsBase, !jobContext.isEmpty(), settings, topics,
                orgs, index, count[0], gazetteer, employers.size(), divisions, new Vocabulary(vocabulary));
    }

    private interface Adder {
        void add(Cue.Kind kind, String target, double weight, String phrase);
    }

    /** Walks one file's tree; knows the file's name for messages. */
    private final class FileReader {
        private final String source;

        FileReader(String source) {
            this.source = source;
        }

        void apply(JsonNode root) {
            for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!TOP_KEYS.contains(key)) throw error(key, "unknown section (expected one of " + TOP_KEYS + ")");
            }
            negation(root.path("negation"));
            scoring(root.path("scoring"));
            tags(root.path("settings"), "settings", Taxonomy.SETTINGS, settingCues);
            tags(root.path("topics"), "topics", Taxonomy.TOPICS, topicCues);
            relevance(root.path("relevance"));
            phraseLists(root.path("employment"), "employment", withIgnore(Taxonomy.EMPLOYMENT), employment);
            phraseLists(root.path("shift"), "shift", withIgnore(Taxonomy.SHIFTS), shift);
            certifications(root.path("certifications"));
            JsonNode location = root.path("location");
            if (!location.isMissingNode()) remote.addAll(phrases(location.path("remote"), "location.remote"));
            employers(root.path("employers"));
        }

        private void negation(JsonNode node) {
            if (node.isMissingNode()) return;
            object(node, "negation");
            if (node.has("window")) negationWindow = (int) positive(node.get("window"), "negation.window");
            if (node.has("words")) {
                for (String w : phrases(node.get("words"), "negation.words")) {
                    List<String> words = TokenizedText.words(w);
                    if (words.size() != 1) throw error("negation.words", "'" + w + "' must be a single word");
                    negationWords.add(words.get(0));
                }
            }
        }

        private void scoring(JsonNode node) {
            if (node.isMissingNode()) return;
            object(node, "scoring");
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!scoring.containsKey(e.getKey())) throw error("scoring." + e.getKey(), "unknown setting (expected one of " + scoring.keySet() + ")");
                scoring.put(e.getKey(), positive(e.getValue(), "scoring." + e.getKey()));
            }
        }

        private void tags(JsonNode node, String facet, List<String> ids, Map<String, Map<String, Double>> into) {
            if (node.isMissingNode()) return;
            object(node, facet);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                String id = e.getKey();
                String where = facet + "." + id;
                if (!ids.contains(id)) throw error(where, "unknown " + facet + " id (the taxonomy has " + ids + ")");
                JsonNode tag = object(e.getValue(), where);
                for (Iterator<String> keys = tag.fieldNames(); keys.hasNext(); ) {
                    String k = keys.next();
                    if (!Set.of("cues", "job-factor", "yields-to").contains(k)) throw error(where + "." + k, "unknown key (expected cues, job-factor, yields-to)");
                }
                Map<String, Double> cues = into.computeIfAbsent(id, k -> new LinkedHashMap<>());
                if (tag.has("cues")) cues.putAll(weights(tag.get("cues"), where + ".cues"));
                if (tag.has("job-factor")) jobFactors.put(where, number(tag.get("job-factor"), where + ".job-factor"));
                if (tag.has("yields-to")) {
                    List<String> targets = phrases(tag.get("yields-to"), where + ".yields-to");
                    for (String t : targets) {
                        if (!ids.contains(t)) throw error(where + ".yields-to", "unknown " + facet + " id '" + t + "'");
                    }
                    yieldsTo.put(id, List.copyOf(targets));
                }
            }
        }

        private void relevance(JsonNode node) {
            if (node.isMissingNode()) return;
            object(node, "relevance");
            for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
                String k = keys.next();
                if (!Set.of("threshold", "title-weight", "news-base", "job", "news", "job-context").contains(k)) {
                    throw error("relevance." + k, "unknown key (expected threshold, title-weight, news-base, job, news, job-context)");
                }
            }
            if (node.has("threshold")) relevanceThreshold = number(node.get("threshold"), "relevance.threshold");
            if (node.has("title-weight")) relevanceTitleWeight = positive(node.get("title-weight"), "relevance.title-weight");
            if (node.has("news-base")) newsBase = number(node.get("news-base"), "relevance.news-base");
            if (node.has("job")) jobRelevance.putAll(weights(node.get("job"), "relevance.job"));
            if (node.has("news")) newsRelevance.putAll(weights(node.get("news"), "relevance.news"));
            if (node.has("job-context")) jobContext.addAll(phrases(node.get("job-context"), "relevance.job-context"));
        }

        private void certifications(JsonNode node) {
            if (node.isMissingNode()) return;
            object(node, "certifications");
            for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
                String k = keys.next();
                if (!Set.of("mentions", "organisations", "required", "preferred", "training").contains(k)) {
                    throw error("certifications." + k, "unknown key (expected mentions, organisations, required, preferred, training)");
                }
            }
            List<String> ids = new ArrayList<>(Taxonomy.CERTIFICATIONS);
            ids.add(NATIONAL);
            phraseLists(node.path("mentions"), "certifications.mentions", ids, certMentions);
            if (node.has("organisations")) certOrganisations.addAll(phrases(node.get("organisations"), "certifications.organisations"));
            if (node.has("required")) certRequired.addAll(phrases(node.get("required"), "certifications.required"));
            if (node.has("preferred")) certPreferred.addAll(phrases(node.get("preferred"), "certifications.preferred"));
            if (node.has("training")) certTraining.addAll(phrases(node.get("training"), "certifications.training"));
        }

        private void phraseLists(JsonNode node, String where, List<String> ids, Map<String, Set<String>> into) {
            if (node.isMissingNode()) return;
            object(node, where);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!ids.contains(e.getKey())) throw error(where + "." + e.getKey(), "unknown value (expected one of " + ids + ")");
                into.computeIfAbsent(e.getKey(), k -> new LinkedHashSet<>()).addAll(phrases(e.getValue(), where + "." + e.getKey()));
            }
        }

        private void employers(JsonNode node) {
            if (node.isMissingNode()) return;
            if (!node.isArray()) throw error("employers", "must be a list of entries with name and settings");
            for (int i = 0; i < node.size(); i++) employer(node.get(i), "employers[" + i + "]", null, null);
        }

        private void employer(JsonNode node, String where, Boolean parentFieldOnly, List<String> parentNames) {
            object(node, where);
            for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
                String k = keys.next();
                if (!Set.of("name", "aliases", "settings", "divisions", "employer-field-only").contains(k)) {
                    throw error(where + "." + k, "unknown key (expected name, aliases, settings, divisions, employer-field-only)");
                }
            }
            JsonNode name = node.get("name");
            if (name == null || !name.isTextual() || name.asText().isBlank()) throw error(where + ".name", "every employer needs a name");
            where = where + " (" + name.asText() + ")";
            List<String> settings = phrases(node.path("settings"), where + ".settings");
            if (settings.isEmpty()) throw error(where + ".settings", "every employer needs at least one setting");
            for (String s : settings) {
                if (!Taxonomy.isSetting(s)) throw error(where + ".settings", "unknown setting '" + s + "' (the taxonomy has " + Taxonomy.SETTINGS + ")");
            }
            boolean fieldOnly = node.path("employer-field-only").asBoolean(parentFieldOnly != null && parentFieldOnly);
            List<String> names = new ArrayList<>();
            names.add(name.asText());
            if (node.has("aliases")) names.addAll(phrases(node.get("aliases"), where + ".aliases"));
            for (String n : names) {
                if (TokenizedText.words(n).isEmpty()) throw error(where, "name '" + n + "' has no words");
                if (parentNames == null) {
                    employers.put(key(n), new Employer(n, List.copyOf(settings), fieldOnly, null));
                } else {
                    // a division is registered once per name of its chain, so "Cardinal Health" and its aliases all know it
                    employers.put(key(n), new Employer(n, List.copyOf(settings), fieldOnly, key(parentNames.get(0))));
                    for (String p : parentNames) divisionsOf.computeIfAbsent(key(p), k -> new LinkedHashSet<>()).add(key(n));
                }
            }
            JsonNode divisions = node.path("divisions");
            if (divisions.isMissingNode()) return;
            if (!divisions.isArray()) throw error(where + ".divisions", "must be a list");
            for (int i = 0; i < divisions.size(); i++) employer(divisions.get(i), where + ".divisions[" + i + "]", fieldOnly, names);
        }

        private Map<String, Double> weights(JsonNode node, String where) {
            object(node, where);
            Map<String, Double> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                if (TokenizedText.words(e.getKey()).isEmpty()) throw error(where, "cue '" + e.getKey() + "' has no words");
                out.put(e.getKey(), number(e.getValue(), where + ".'" + e.getKey() + "'"));
            }
            return out;
        }

        private List<String> phrases(JsonNode node, String where) {
            if (node.isMissingNode() || node.isNull()) return List.of();
            if (!node.isArray()) throw error(where, "must be a list of phrases");
            List<String> out = new ArrayList<>();
            for (JsonNode p : node) {
                if (p.isBoolean()) throw error(where, "entry '" + p + "' was read as a yes/no value: write it in quotes");
                if (!p.isValueNode() || p.asText().isBlank() || TokenizedText.words(p.asText()).isEmpty()) {
                    throw error(where, "entry '" + p + "' is not a phrase");
                }
                out.add(p.asText());
            }
            return out;
        }

        private JsonNode object(JsonNode node, String where) {
            if (!node.isObject()) throw error(where, "must be a mapping");
            return node;
        }

        private double number(JsonNode node, String where) {
            if (node == null || !node.isNumber()) throw error(where, "weight must be a number, got '" + node + "'");
            return node.asDouble();
        }

        private double positive(JsonNode node, String where) {
            double v = number(node, where);
            if (!(v > 0)) throw error(where, "must be greater than 0, got " + v);
            return v;
        }

        private RulesException error(String where, String problem) {
            return new RulesException("rules file " + source + ": " + where + ": " + problem);
        }
    }

    private static String key(String name) {
        return String.join(" ", TokenizedText.words(name));
    }

    private static List<String> withIgnore(List<String> ids) {
        List<String> out = new ArrayList<>(ids);
        out.add(IGNORE);
        return out;
    }
}
