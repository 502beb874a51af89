package org.rxradar.tag;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The knowledge the tagger runs on, compiled from one or more rules files. Immutable. */
final class TaggingRules {
    /** How one tag scores: a multiplier for job leads and the tags it yields to when they score higher. */
    record TagRule(String id, double jobFactor, List<String> yieldsTo) {}

    final Set<String> negationWords;
    final int negationWindow;
    final double threshold;
    final double titleWeight;
    final double employerWeight;
    final double mentionWeight;
    final double relevanceThreshold;
    final double relevanceTitleWeight;
    final double newsBase;
    /** Whether a job lead must mention pharmacy work (a {@code job-context} cue) to be relevant. */
    final boolean jobContextRequired;
    final Map<String, TagRule> settings;
    final Map<String, TagRule> topics;
    final Set<String> certOrganisations;
    final PhraseIndex<Cue> cues;
    final PhraseIndex<Employer> employers;
    final int cueCount;
    final int employerCount;
    /** Chain name (normalised) to the normalised names of its divisions. */
    final Map<String, Set<String>> divisionsOf;
    /** Every word of every phrase, negation word and organisation name: the tokens worth keeping. */
    final Vocabulary vocabulary;

    TaggingRules(Set<String> negationWords, int negationWindow, double threshold, double titleWeight,
                 double employerWeight, double mentionWeight, double relevanceThreshold, double relevanceTitleWeight, double newsBase, boolean jobContextRequired,
                 Map<String, TagRule> settings, Map<String, TagRule> topics, Set<String> certOrganisations,
                 PhraseIndex<Cue> cues, int cueCount, PhraseIndex<Employer> employers, int employerCount,
                 Map<String, Set<String>> divisionsOf, Vocabulary vocabulary) {
        this.negationWords = Set.copyOf(negationWords);
        this.negationWindow = negationWindow;
        this.threshold = threshold;
        this.titleWeight = titleWeight;
        this.employerWeight = employerWeight;
        this.mentionWeight = mentionWeight;
        this.relevanceThreshold = relevanceThreshold;
        this.relevanceTitleWeight = relevanceTitleWeight;
        this.newsBase = newsBase;
        this.jobContextRequired = jobContextRequired;
        this.settings = Map.copyOf(settings);
        this.topics = Map.copyOf(topics);
        this.certOrganisations = Set.copyOf(certOrganisations);
        this.cues = cues;
        this.cueCount = cueCount;
        this.employers = employers;
        this.employerCount = employerCount;
        this.divisionsOf = Map.copyOf(divisionsOf);
        this.vocabulary = vocabulary;
    }
}
