package org.rxradar.tag;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.rxradar.model.Taxonomy;

/**
 * Reads rules files (YAML, or JSON which is YAML too) into {@link TaggingRules}. Files are applied
 * in order: a later file adds cues, replaces a cue's weight or a scoring value it names again,
 * and adds employers (a name given again is replaced). {@link RulesFile} binds a file (its shape:
 * sections, keys, lists, numbers); the pass here checks what a type cannot say (taxonomy
 * ids, phrases read as yes/no, weights, ranges) and reports every problem of a file at once, one
 * line each, naming the file and the key path, as a {@link RulesException}. A reader that threw
 * is not used again.
 */
final class RulesReader {
    private static final String IGNORE = "IGNORE";
    private static final String NATIONAL = "NATIONAL";
    private static final String STATE_SLOT = "{state}";

    private final Set<String> negationWords = new LinkedHashSet<>();
    private int negationWindow = 4;
    private double threshold = 1.0;
    private double titleWeight = 1.5;
    private double employerWeight = 1.2;
    private double mentionWeight = 0.6;
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
    RulesReader read(InputStream in, String source) {
        RulesFile file = RulesFile.read(in, source);
        if (file == null) return this; // an empty file
        FileReader reader = new FileReader();
        reader.apply(file);
        if (!reader.problems.isEmpty()) {
            throw new RulesException(reader.problems.stream().map(p -> "rules file " + source + ": " + p)
                    .collect(Collectors.joining("\n")));
        }
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
        return new TaggingRules(negationWords, negationWindow, threshold, titleWeight, employerWeight, mentionWeight,
                relevanceThreshold, relevanceTitleWeight, newsBase, !jobContext.isEmpty(), settings, topics,
                orgs, index, count[0], gazetteer, employers.size(), divisions, new Vocabulary(vocabulary));
    }

    private interface Adder {
        void add(Cue.Kind kind, String target, double weight, String phrase);
    }

    /** Checks and applies one bound file, collecting its problems ("key path: problem"). */
    private final class FileReader {
        final List<String> problems = new ArrayList<>();

        void apply(RulesFile f) {
            if (f.negation() != null) negation(f.negation());
            if (f.scoring() != null) scoring(f.scoring());
            if (f.settings() != null) tags(f.settings(), "settings", Taxonomy.SETTINGS, settingCues);
            if (f.topics() != null) tags(f.topics(), "topics", Taxonomy.TOPICS, topicCues);
            if (f.relevance() != null) relevance(f.relevance());
            if (f.employment() != null) phraseLists(f.employment(), "employment", withExtra(Taxonomy.EMPLOYMENT, IGNORE), employment);
            if (f.shift() != null) phraseLists(f.shift(), "shift", withExtra(Taxonomy.SHIFTS, IGNORE), shift);
            if (f.certifications() != null) certifications(f.certifications());
            if (f.location() != null) remote.addAll(phrases(f.location().remote(), "location.remote"));
            if (f.employers() != null) {
                for (int i = 0; i < f.employers().size(); i++) employer(f.employers().get(i), "employers[" + i + "]", false, null);
            }
        }

        private void negation(RulesFile.Negation n) {
            if (n.window() != null && positive(n.window(), "negation.window")) negationWindow = n.window();
            for (String w : phrases(n.words(), "negation.words")) {
                List<String> words = TokenizedText.words(w);
                if (words.size() != 1) problem("negation.words", "'" + w + "' must be a single word");
                else negationWords.add(words.get(0));
            }
        }

        private void scoring(RulesFile.Scoring s) {
            if (positive(s.threshold(), "scoring.threshold")) threshold = s.threshold();
            if (positive(s.titleWeight(), "scoring.title-weight")) titleWeight = s.titleWeight();
            if (positive(s.employerWeight(), "scoring.employer-weight")) employerWeight = s.employerWeight();
            if (positive(s.mentionWeight(), "scoring.mention-weight")) mentionWeight = s.mentionWeight();
        }

        private void tags(Map<String, RulesFile.Tag> tags, String facet, List<String> ids, Map<String, Map<String, Double>> into) {
            tags.forEach((id, tag) -> {
                String where = facet + "." + id;
                if (!ids.contains(id)) {
                    problem(where, "unknown " + facet + " id (the taxonomy has " + ids + ")");
                    return;
                }
                Map<String, Double> cues = into.computeIfAbsent(id, k -> new LinkedHashMap<>());
                cues.putAll(weights(tag.cues(), where + ".cues"));
                if (tag.jobFactor() != null) jobFactors.put(where, tag.jobFactor());
                if (tag.yieldsTo() != null) {
                    List<String> known = new ArrayList<>();
                    for (String t : tag.yieldsTo()) {
                        if (ids.contains(t)) known.add(t);
                        else problem(where + ".yields-to", "unknown " + facet + " id '" + t + "'");
                    }
                    yieldsTo.put(id, List.copyOf(known));
                }
            });
        }

        private void relevance(RulesFile.Relevance r) {
            if (r.threshold() != null) relevanceThreshold = r.threshold();
            if (positive(r.titleWeight(), "relevance.title-weight")) relevanceTitleWeight = r.titleWeight();
            if (r.newsBase() != null) newsBase = r.newsBase();
            jobRelevance.putAll(weights(r.job(), "relevance.job"));
            newsRelevance.putAll(weights(r.news(), "relevance.news"));
            jobContext.addAll(phrases(r.jobContext(), "relevance.job-context"));
        }

        private void certifications(RulesFile.Certifications c) {
            if (c.mentions() != null) phraseLists(c.mentions(), "certifications.mentions", withExtra(Taxonomy.CERTIFICATIONS, NATIONAL), certMentions);
            certOrganisations.addAll(phrases(c.organisations(), "certifications.organisations"));
            certRequired.addAll(phrases(c.required(), "certifications.required"));
            certPreferred.addAll(phrases(c.preferred(), "certifications.preferred"));
            certTraining.addAll(phrases(c.training(), "certifications.training"));
        }

        private void phraseLists(Map<String, List<JsonNode>> lists, String where, List<String> ids, Map<String, Set<String>> into) {
            lists.forEach((id, list) -> {
                if (!ids.contains(id)) problem(where + "." + id, "unknown value (expected one of " + ids + ")");
                else into.computeIfAbsent(id, k -> new LinkedHashSet<>()).addAll(phrases(list, where + "." + id));
            });
        }

        private void employer(RulesFile.EmployerEntry e, String where, boolean parentFieldOnly, List<String> parentNames) {
            if (e.name() == null || e.name().isBlank()) {
                problem(where + ".name", "every employer needs a name");
                return;
            }
            where = where + " (" + e.name() + ")";
            List<String> settings = e.settings() == null ? List.of() : e.settings();
            if (settings.isEmpty()) problem(where + ".settings", "every employer needs at least one setting");
            for (String s : settings) {
                if (!Taxonomy.isSetting(s)) problem(where + ".settings", "unknown setting '" + s + "' (the taxonomy has " + Taxonomy.SETTINGS + ")");
            }
            boolean fieldOnly = e.employerFieldOnly() != null ? e.employerFieldOnly() : parentFieldOnly;
            List<String> names = new ArrayList<>();
            names.add(e.name());
            names.addAll(phrases(e.aliases(), where + ".aliases"));
            for (String n : names) {
                if (TokenizedText.words(n).isEmpty()) {
                    problem(where, "name '" + n + "' has no words");
                } else if (parentNames == null) {
                    employers.put(key(n), new Employer(n, List.copyOf(settings), fieldOnly, null));
                } else {
                    // a division is registered once per name of its chain, so "Cardinal Health" and its aliases all know it
                    employers.put(key(n), new Employer(n, List.copyOf(settings), fieldOnly, key(parentNames.get(0))));
                    for (String p : parentNames) divisionsOf.computeIfAbsent(key(p), k -> new LinkedHashSet<>()).add(key(n));
                }
            }
            if (e.divisions() == null) return;
            for (int i = 0; i < e.divisions().size(); i++) employer(e.divisions().get(i), where + ".divisions[" + i + "]", fieldOnly, names);
        }

        /** Phrase to weight; an entry whose weight is not a number is reported and left out. */
        private Map<String, Double> weights(Map<String, JsonNode> cues, String where) {
            Map<String, Double> out = new LinkedHashMap<>();
            if (cues == null) return out;
            cues.forEach((phrase, weight) -> {
                if (TokenizedText.words(phrase).isEmpty()) problem(where, "cue '" + phrase + "' has no words");
                else if (!weight.isNumber()) problem(where + ".'" + phrase + "'", "weight must be a number, got '" + weight + "'");
                else out.put(phrase, weight.asDouble());
            });
            return out;
        }

        /** The phrases of a list; an entry that is not one (a yes/no, a mapping, no words) is reported and left out. */
        private List<String> phrases(List<JsonNode> list, String where) {
            List<String> out = new ArrayList<>();
            if (list == null) return out;
            for (JsonNode p : list) {
                if (p.isBoolean()) problem(where, "entry '" + p + "' was read as a yes/no value: write it in quotes");
                else if (!p.isValueNode() || p.isNull() || TokenizedText.words(p.asText()).isEmpty()) problem(where, "entry '" + p + "' is not a phrase");
                else out.add(p.asText());
            }
            return out;
        }

        /** Whether {@code v} is given and valid; a value of 0 or less is reported. */
        private boolean positive(Number v, String where) {
            if (v == null) return false;
            if (v.doubleValue() > 0) return true;
            problem(where, "must be greater than 0, got " + v);
            return false;
        }

        private void problem(String where, String what) {
            problems.add(where + ": " + what);
        }
    }

    private static String key(String name) {
        return String.join(" ", TokenizedText.words(name));
    }

    private static List<String> withExtra(List<String> ids, String extra) {
        List<String> out = new ArrayList<>(ids);
        out.add(extra);
        return out;
    }
}
