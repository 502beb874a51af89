package org.rxradar.tag;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.model.Certification;
import org.rxradar.model.Item;
import org.rxradar.model.JobPosting;
import org.rxradar.model.Kind;
import org.rxradar.model.Place;
import org.rxradar.model.Salary;
import org.rxradar.model.TaggedItem;
import org.rxradar.model.Taxonomy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tags items by pharmacy setting and topic, judges relevance and extracts job fields, explaining
 * each decision with the phrases that made it. Pure logic: no I/O after loading. Immutable and
 * thread-safe: one instance serves every thread.
 */
public final class Tagger {
    private static final Logger log = LoggerFactory.getLogger(Tagger.class);
    static final String BUILT_IN = "tagger/rules.yml";

    private final TaggingRules rules;
    private final FacetScorer facets;
    private final RelevanceJudge relevance;
    private final CertificationExtractor certifications;
    private final Clock clock;
    private final SemanticSignal semantic; // null: the rules alone
    private final Semantic use;

    /**
     * Where the semantic signal runs. It costs a sentence embedding per item (milliseconds, against
     * microseconds for the rules), so {@code UNSURE} spends it only where the rules found no setting,
     * or at most one topic in a news story. UNSURE is the default: on the held-out items it scores nearly as well as ALL (see README,
     * Tagging, for the measured trade-off).
     */
    public enum Semantic { ALL, UNSURE, OFF }

    Tagger(TaggingRules rules, Clock clock, SemanticSignal semantic) {
        this(rules, clock, semantic, semantic == null ? Semantic.OFF : Semantic.UNSURE);
    }

    private Tagger(TaggingRules rules, Clock clock, SemanticSignal semantic, Semantic use) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.semantic = semantic;
        this.use = semantic == null ? Semantic.OFF : Objects.requireNonNull(use, "use");
        this.facets = new FacetScorer(rules);
        this.relevance = new RelevanceJudge(rules);
        this.certifications = new CertificationExtractor(rules);
    }

    /** The tagger with the project's built-in rules and the semantic signal where they are unsure (see {@link SemanticSignal}). */
    public static Tagger builtIn() {
        return new Tagger(readBuiltIn().build(), Clock.systemUTC(), BuiltInSignal.INSTANCE);
    }

    /** The built-in rules alone, without the semantic signal: the baseline for {@code eval --semantic OFF}. */
    public static Tagger rulesOnly() {
        return new Tagger(readBuiltIn().build(), Clock.systemUTC(), null);
    }

    /** Built once per process, on first use: loads the embedding model and chooses thresholds on the training split. */
    private static final class BuiltInSignal {
        static final SemanticSignal INSTANCE = build();

        private static SemanticSignal build() {
            Tagger rulesOnly = rulesOnly();
            return SemanticSignal.build(new SentenceEmbedder(), SemanticSignal.trainingItems(), rulesOnly::ruleView);
        }
    }

    /** Built-in rules plus the operator's file named by {@code tagger.rules}, when set. */
    public static Tagger load(RxRadarConfig.Tagger config) {
        Objects.requireNonNull(config, "config");
        return config.rules().isEmpty() ? builtIn() : withRules(Path.of(config.rules()));
    }

    /** Built-in rules plus the given operator file; a missing or bad file is a {@link RulesException}. */
    public static Tagger withRules(Path operatorFile) {
        RulesReader reader = readBuiltIn();
        if (!Files.isRegularFile(operatorFile)) {
            throw new RulesException("rules file " + operatorFile + " (tagger.rules) does not exist or is not a file");
        }
        try (InputStream in = Files.newInputStream(operatorFile)) {
            reader.read(in, operatorFile.toString());
        } catch (IOException e) {
            throw new RulesException("rules file " + operatorFile + " cannot be read: " + e.getMessage(), e);
        }
        TaggingRules rules = reader.build();
        log.info("tagger rules loaded: built-in plus {} ({} cues, {} employer names)", operatorFile, rules.cueCount, rules.employerCount);
        return new Tagger(rules, Clock.systemUTC(), BuiltInSignal.INSTANCE);
    }

    /** The same rules with another clock for the {@code tagged} time (tests, replays). */
    public Tagger withClock(Clock clock) {
        return new Tagger(rules, clock, semantic, use);
    }

    /** The same rules with the semantic signal used everywhere, only where the rules are unsure, or not at all. */
    public Tagger withSemantic(Semantic use) {
        Objects.requireNonNull(use, "use");
        return use == Semantic.OFF ? new Tagger(rules, clock, null) : new Tagger(rules, clock, semantic != null ? semantic : BuiltInSignal.INSTANCE, use);
    }

    private static RulesReader readBuiltIn() {
        try (InputStream in = Tagger.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) throw new RulesException("built-in rules " + BUILT_IN + " are missing from the class path");
            return new RulesReader().read(in, "built-in " + BUILT_IN);
        } catch (IOException e) {
            throw new RulesException("built-in rules " + BUILT_IN + " cannot be read: " + e.getMessage(), e);
        }
    }

    public TaggedItem tag(Item item) {
        Objects.requireNonNull(item, "item");
        if (item.closed() != null) return closed(item);
        boolean job = item.kind() == Kind.JOB;
        ScannedText read = ScannedText.of(item); // every text the rules look at, bounded: see ScannedText
        TokenizedText text = TokenizedText.of(read.title(), read.summary(), read.employer(), rules.vocabulary);
        ItemScan scan = ItemScan.of(text, rules);

        FacetScorer.Result settings = facets.settings(scan, job, Taxonomy.SETTINGS);
        FacetScorer.Result topics = facets.topics(scan, job, Taxonomy.TOPICS);
        boolean ruleTopics = !topics.tags().isEmpty(); // relevance stays the rules' judgement
        if (use == Semantic.ALL || use == Semantic.UNSURE && unsure(job, settings, topics)) {
            Set<String> blocked = certain(scan, settings, job);
            float[] v = semantic.embed(read);
            settings = semantic.combine(settings, semantic.votes(v, Taxonomy.SETTINGS), Taxonomy.SETTINGS, blocked);
            topics = semantic.combine(topics, semantic.votes(v, Taxonomy.TOPICS), Taxonomy.TOPICS, blocked);
        }
        Map<String, Double> scores = new LinkedHashMap<>(settings.scores());
        scores.putAll(topics.scores());
        Map<String, List<String>> evidence = new LinkedHashMap<>(settings.evidence());
        evidence.putAll(topics.evidence());

        put(evidence, "negated", negated(scan));

        List<String> relevanceEvidence = new ArrayList<>();
        boolean relevant = relevance.relevant(scan, job, ruleTopics, relevanceEvidence);
        put(evidence, "relevant", relevanceEvidence);

        JobPosting posting = item.posting();
        Salary salary = null;
        List<Certification> certs = List.of();
        String employment = null;
        List<String> shifts = List.of();
        if (job) {
            String[] salaryEvidence = new String[1];
            salary = posting != null && posting.salary() != null ? posting.salary() : salaryFromText(read, salaryEvidence);
            if (salaryEvidence[0] != null) put(evidence, "salary", List.of(salaryEvidence[0]));
            List<String> certEvidence = new ArrayList<>();
            certs = certifications.extract(scan, true, certEvidence);
            put(evidence, "certifications", certEvidence);
            employment = employment(posting, scan, evidence);
            List<String> shiftEvidence = new ArrayList<>();
            shifts = JobFields.shifts(scan, shiftEvidence);
            put(evidence, "shift", shiftEvidence);
        } else {
            certs = certifications.extract(scan, false, new ArrayList<>());
        }
        Place place = place(read, posting, scan, job);
        String cluster = ClusterKey.of(item.id(), read.employer(), read.title(), place, salary);

        return new TaggedItem(TaggedItem.VERSION, item.id(), item.kind(), item.source(), item.url(), item.title(),
                item.summary(), item.published(), item.publishedEstimated(), item.fetched(), item.updated(),
                item.employer(), place, settings.tags(), topics.tags(), scores, evidence, relevant, salary, certs,
                employment, shifts, cluster, Instant.now(clock));
    }

    /**
     * Where the rules may have missed something: no setting, or a news story with at most one topic (a
     * story is often about two things, and the rules seldom read the second in words nobody listed;
     * one they tie to two or more topics they have read closely). A job lead placed by the rules is left
     * to them: most postings have no topic (the duties rarely centre on one), so asking the model about
     * every such lead would cost its time on nearly all of them.
     */
    static boolean unsure(boolean job, FacetScorer.Result settings, FacetScorer.Result topics) {
        return settings.tags().isEmpty() || !job && topics.tags().size() <= 1;
    }

    /** What the rules alone say of an item's settings and topics, the labels they are certain do not apply, and whether {@code UNSURE} asks the signal. */
    SemanticSignal.RuleView ruleView(Item item) {
        ScannedText read = ScannedText.of(item);
        ItemScan scan = ItemScan.of(TokenizedText.of(read.title(), read.summary(), read.employer(), rules.vocabulary), rules);
        boolean job = item.kind() == Kind.JOB;
        FacetScorer.Result settings = facets.settings(scan, job, Taxonomy.SETTINGS);
        FacetScorer.Result topics = facets.topics(scan, job, Taxonomy.TOPICS);
        Map<String, Double> weak = new HashMap<>(settings.weak());
        weak.putAll(topics.weak());
        return new SemanticSignal.RuleView(Set.copyOf(settings.tags()), Set.copyOf(topics.tags()), certain(scan, settings, job),
                unsure(job, settings, topics), weak);
    }

    /** Research only ({@code CrossValidateSettings}): the rules' setting scores and the settings a negation or a division switched off. */
    record SettingsDetail(Map<String, Double> scores, Map<String, List<String>> evidence, Set<String> negatedOrYielded) {}

    SettingsDetail settingsDetail(Item item) {
        ScannedText read = ScannedText.of(item);
        ItemScan scan = ItemScan.of(TokenizedText.of(read.title(), read.summary(), read.employer(), rules.vocabulary), rules);
        FacetScorer.Result settings = facets.settings(scan, item.kind() == Kind.JOB, Taxonomy.SETTINGS);
        return new SettingsDetail(settings.scores(), settings.evidence(), settingsCertain(scan, settings));
    }

    /**
     * Labels the semantic signal may not add: what a negation switched off ("not a retail role", "no
     * compounding"), labels whose cue the rules weigh at zero or less, settings that yielded to a chain's division, any
     * setting when the rules found one, and on a job lead the certification
     * topic (a credential a posting asks for is not what the job is about; the rules name the few
     * roles that are).
     */
    private static Set<String> certain(ItemScan scan, FacetScorer.Result settings, boolean job) {
        Set<String> out = new HashSet<>(settings.overruled());
        if (!settings.tags().isEmpty()) out.addAll(Taxonomy.SETTINGS); // the rules placed the work: a hospital's IV room is no 503B
        if (job) out.add("certification");
        for (Cue.Kind kind : List.of(Cue.Kind.SETTING, Cue.Kind.TOPIC)) {
            // a negated cue, or a cue the rules weigh at zero or below ("staffing shortages" for drug-supply): the rules have spoken
            for (Hit h : scan.hits(kind)) if (h.negated() || h.cue().weight() <= 0) out.add(h.cue().target());
        }
        return out;
    }

    /** Settings the signal may not add whatever the rules placed: negated, yielded to a chain's division, or weighed at zero. */
    private static Set<String> settingsCertain(ItemScan scan, FacetScorer.Result settings) {
        Set<String> out = new HashSet<>(settings.overruled());
        for (Hit h : scan.hits(Cue.Kind.SETTING)) if (h.negated() || h.cue().weight() <= 0) out.add(h.cue().target());
        return out;
    }

    // a closed posting has nothing left to read: it only tells every view to drop the lead
    private TaggedItem closed(Item item) {
        return new TaggedItem(TaggedItem.VERSION, item.id(), item.kind(), item.source(), item.url(), item.title(),
                item.summary(), item.published(), item.publishedEstimated(), item.fetched(), item.updated(),
                item.employer(), null, List.of(), List.of(), Map.of(), Map.of("closed", List.of("posting closed")), false,
                null, List.of(), null, List.of(), null, Instant.now(clock), item.closed());
    }

    private static String employment(JobPosting posting, ItemScan scan, Map<String, List<String>> evidence) {
        if (posting != null && posting.employment() != null) {
            String normalised = posting.employment().trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
            if (normalised.equals("FULLTIME")) normalised = "FULL_TIME";
            if (normalised.equals("PARTTIME")) normalised = "PART_TIME";
            if (Taxonomy.EMPLOYMENT.contains(normalised)) return normalised;
        }
        Hit h = JobFields.employment(scan);
        if (h == null) return null;
        put(evidence, "employment", List.of(scan.span(h)));
        return h.cue().target();
    }

    private static Place place(ScannedText item, JobPosting posting, ItemScan scan, boolean job) {
        if (posting != null && posting.place() != null && (posting.place().city() != null || posting.place().state() != null
                || posting.place().remote())) {
            return posting.place();
        }
        boolean remote = false;
        if (job) {
            for (Hit h : scan.hits(Cue.Kind.REMOTE)) {
                // a bare "remote" in the text is often "remote pharmacists"; trust it in the title only
                if (!h.negated() && (h.part() == TokenizedText.TITLE || h.length() > 1)) remote = true;
            }
        }
        Place place = PlaceParser.parse(item.location(), remote);
        if (job && (place == null || place.state() == null) && (item.location() == null || item.location().isBlank())) {
            Place fromText = PlaceParser.fromText(item.summary(), remote);
            if (fromText != null) return fromText;
        }
        return place;
    }

    /** Cues that a negation switched off ("no retail storefront", "no nights"): shown so a reader sees why a tag is absent. */
    private static List<String> negated(ItemScan scan) {
        List<String> out = new ArrayList<>();
        for (Cue.Kind kind : List.of(Cue.Kind.SETTING, Cue.Kind.TOPIC, Cue.Kind.SHIFT, Cue.Kind.EMPLOYMENT)) {
            for (Hit h : scan.hits(kind)) {
                String span = scan.span(h);
                if (h.negated() && !out.contains(span)) out.add(span);
            }
        }
        return out;
    }

    private static void put(Map<String, List<String>> evidence, String key, List<String> phrases) {
        if (!phrases.isEmpty()) evidence.put(key, List.copyOf(phrases));
    }

    /** The title's pay figure if it has one, else the text's (no joined copy of a 1 KB text per item). */
    private static Salary salaryFromText(ScannedText item, String[] evidence) {
        Salary fromTitle = SalaryExtractor.extract(item.title(), evidence);
        return fromTitle != null ? fromTitle : SalaryExtractor.extract(item.summary(), evidence);
    }
}
