package org.rxradar.digest;

import org.rxradar.filter.LeadFilter;
import org.rxradar.model.Labels;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.rxradar.model.Subscriber;
import org.rxradar.model.Kind;
import org.rxradar.model.TaggedItem;

/**
 * Decides whether one tagged item belongs in one subscriber's digest, and why.
 *
 * <p>Rules (every list is any-of; an empty list means no filter on that facet):
 * <ul>
 *   <li>only {@code relevant} items count;</li>
 *   <li>{@code kinds}: jobs, news (both when empty);</li>
 *   <li>job leads are filtered by {@code settings} (where the work is) and by location: with
 *       {@code states} set, the lead's state must be one of them, or the lead is remote and the
 *       subscriber accepts remote work; a lead whose state is unknown does not pass a state filter.
 *       Topics do not filter job leads: few leads carry one, and they describe duties, not the job;</li>
 *   <li>news is filtered by {@code topics}, and by {@code settings} only when the story names a
 *       setting: industry-wide news (no setting) reaches every subscriber of its topic;</li>
 *   <li>{@code keywords}: a case-insensitive phrase in the title, summary or employer;</li>
 *   <li>job leads also pass the pay floor ({@code min-pay}, {@code include-unpaid}) and the distance
 *       ({@code zip}, {@code radius}, {@code remote}) of {@link LeadFilter}; with states and a zip both
 *       set, a lead must pass both. A lead that states no pay says "pay not stated" when a floor is set.</li>
 * </ul>
 * The matched tags (the item's own tags where that facet has no filter), state and keywords become
 * the entry's "why you got this".
 */
public final class SubscriberFilter {
    /**
     * An item that passed, with the reasons shown to the reader, a fit score for ranking, and the
     * settings and topics it matched on (for grouping).
     */
    public record Match(TaggedItem item, List<String> reasons, double fit, List<String> settings, List<String> topics) {}

    private final Set<Kind> kinds;
    private final List<String> settings;
    private final List<String> topics;
    private final Set<String> states;
    private final boolean remote;
    private final List<String> keywords;
    private final List<Pattern> keywordPatterns;
    private final LeadFilter leads;

    public SubscriberFilter(Subscriber subscriber) {
        this.kinds = kindsOf(subscriber.kinds());
        this.settings = subscriber.settings();
        this.topics = subscriber.topics();
        this.states = new LinkedHashSet<>(subscriber.states());
        this.remote = subscriber.remote();
        this.leads = LeadFilter.of(subscriber);
        this.keywords = subscriber.keywords().stream()
                .filter(k -> k != null && !k.isBlank())
                .map(k -> k.trim().toLowerCase(Locale.ROOT)).distinct().toList();
        // whole words only, so that "IV" does not match "archive"
        this.keywordPatterns = keywords.stream()
                .map(k -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(k) + "(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .toList();
    }

    private static Set<Kind> kindsOf(List<String> names) {
        Set<Kind> out = new LinkedHashSet<>();
        for (String n : names) out.add(Kind.parse(n));
        return out.isEmpty() ? Set.of(Kind.JOB, Kind.NEWS) : out;
    }

    public Optional<Match> match(TaggedItem item) {
        if (!quickPass(item)) return Optional.empty();
        List<String> reasons = new ArrayList<>();
        double fit = 0;

        List<String> matchedSettings = settings.isEmpty() ? item.settings() : intersect(settings, item.settings());
        if (item.kind() == Kind.JOB || !item.settings().isEmpty()) {
            if (!settings.isEmpty() && matchedSettings.isEmpty()) return Optional.empty();
        }
        for (String s : matchedSettings) {
            reasons.add(Labels.of(s));
            fit += item.scores().getOrDefault(s, 1.0);
        }

        List<String> matchedTopics = List.of();
        if (item.kind() == Kind.NEWS) {
            matchedTopics = topics.isEmpty() ? item.topics() : intersect(topics, item.topics());
            if (!topics.isEmpty() && matchedTopics.isEmpty()) return Optional.empty();
            for (String t : matchedTopics) {
                reasons.add(Labels.of(t));
                fit += item.scores().getOrDefault(t, 1.0);
            }
        } else {
            String place = placeReason(item);
            if (place == null) return Optional.empty();
            if (!place.isEmpty()) {
                reasons.add(place);
                fit += 0.5;
            }
            Optional<List<String>> payAndDistance = leads.check(item);
            if (payAndDistance.isEmpty()) return Optional.empty();
            for (String r : payAndDistance.get()) if (!reasons.contains(r)) reasons.add(r);
        }

        if (!keywords.isEmpty()) {
            String text = searchableText(item);
            List<String> hits = new ArrayList<>();
            for (int i = 0; i < keywords.size(); i++)
                if (keywordPatterns.get(i).matcher(text).find()) hits.add(keywords.get(i));
            if (hits.isEmpty()) return Optional.empty();
            for (String k : hits) reasons.add("\u201c" + k + "\u201d");
            fit += hits.size();
        }
        return Optional.of(new Match(item, List.copyOf(reasons), fit, List.copyOf(matchedSettings), List.copyOf(matchedTopics)));
    }

    /**
     * The cheap checks, without allocating: most candidates fail one, and a digest run makes
     * subscribers x items of these calls.
     */
    private boolean quickPass(TaggedItem item) {
        if (item == null || !item.relevant() || !kinds.contains(item.kind())) return false;
        boolean job = item.kind() == Kind.JOB;
        if (!settings.isEmpty() && (job || !item.settings().isEmpty()) && !overlaps(settings, item.settings())) return false;
        if (!job && !topics.isEmpty() && !overlaps(topics, item.topics())) return false;
        if (job && !states.isEmpty()) {
            var loc = item.location();
            if (loc == null) return false;
            boolean stateOk = loc.state() != null && states.contains(loc.state().trim().toUpperCase(Locale.ROOT));
            if (!stateOk && !(remote && loc.remote())) return false;
        }
        return true;
    }

    private static boolean overlaps(List<String> wanted, List<String> has) {
        for (int i = 0; i < has.size(); i++) if (wanted.contains(has.get(i))) return true;
        return false;
    }

    /** The location reason: "" when there is no location filter, null when the lead fails it. */
    private String placeReason(TaggedItem item) {
        if (states.isEmpty()) return "";
        var loc = item.location();
        if (loc != null && loc.state() != null && states.contains(loc.state().trim().toUpperCase(Locale.ROOT)))
            return loc.state().trim().toUpperCase(Locale.ROOT);
        if (remote && loc != null && loc.remote()) return "Remote";
        return null;
    }

    private static String searchableText(TaggedItem item) {
        StringBuilder b = new StringBuilder();
        if (item.title() != null) b.append(item.title()).append('\n');
        if (item.summary() != null) b.append(item.summary()).append('\n');
        if (item.employer() != null) b.append(item.employer());
        return b.toString();
    }

    /** The wanted ids the item carries, in the subscriber's order. */
    private static List<String> intersect(List<String> wanted, List<String> has) {
        if (wanted.isEmpty()) return List.of();
        List<String> out = new ArrayList<>();
        for (String w : wanted) if (has.contains(w)) out.add(w);
        return out;
    }
}
