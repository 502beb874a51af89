package org.rxradar.trend;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phrases of 1–3 words from an item's title and summary, for rising-term detection. Lower-cased;
 * phrases never cross punctuation, never start or end with a stop-word, and job-ad boilerplate
 * ("apply now", "full time", "job description") is cut out before phrases are formed. Words keep
 * inner hyphens and digits, so "tech-check-tech" and "usp 800" survive as such.
 */
public final class Phrases {
    public static final int MAX_WORDS = 3;
    /** A very long summary could otherwise flood one day's counts; the head of a text carries its subject. */
    static final int MAX_PHRASES_PER_ITEM = 600;

    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITIES = Pattern.compile("&[a-zA-Z]+;|&#[0-9]+;");
    private static final Pattern SEGMENT_BREAK = Pattern.compile("[.!?;:,()\\[\\]{}|/\\\\\"\\n\\r\\t•·–—]+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’\\-][\\p{L}\\p{N}]+)*");

    private static final Set<String> STOP_WORDS = Set.of((
            "a an the and or but nor of to in on at by for with from into onto as is are was were be been being "
            + "this that these those it its it's their our your you we they he she his her them us i me my "
            + "will would can could should may might must shall do does did done has have had having not no "
            + "so than then there here what which who whom whose when where why how all any each every some "
            + "more most other such only own same too very just also about above after before below over under "
            + "up down out off again further once per via new now s t e g etc amp nbsp").split(" "));

    /** Job-ad and feed boilerplate, cut out of the text before phrases are formed. */
    private static final Pattern BOILERPLATE = Pattern.compile("\\b(?:" + String.join("|", List.of(
            "apply now", "apply today", "apply online", "click here", "read more", "learn more", "continue reading",
            "full[- ]time", "part[- ]time", "job description", "job summary", "job type", "job details",
            "equal opportunity employer", "equal opportunity", "eoe", "all qualified applicants",
            "sign[- ]on bonus", "competitive pay", "competitive salary", "benefits include", "pay range",
            "per hour", "per year", "an hour", "a year", "hourly", "salary", "the post", "appeared first on")) + ")\\b");

    private Phrases() {}

    /** Distinct phrases of the text, in order of first appearance. */
    public static Set<String> of(String... texts) {
        Set<String> out = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null || text.isBlank()) continue;
            String clean = ENTITIES.matcher(TAGS.matcher(text).replaceAll(" ")).replaceAll(" ").toLowerCase(Locale.ROOT);
            clean = BOILERPLATE.matcher(clean).replaceAll(" | ");
            for (String segment : SEGMENT_BREAK.split(clean)) {
                addSegment(segment, out);
                if (out.size() >= MAX_PHRASES_PER_ITEM) return out;
            }
        }
        return out;
    }

    private static void addSegment(String segment, Set<String> out) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(segment);
        while (m.find()) words.add(m.group().replace('’', '\''));
        for (int i = 0; i < words.size(); i++) {
            if (isStop(words.get(i))) continue;
            StringBuilder phrase = new StringBuilder();
            for (int n = 0; n < MAX_WORDS && i + n < words.size(); n++) {
                String word = words.get(i + n);
                if (n > 0) phrase.append(' ');
                phrase.append(word);
                if (!isStop(word)) out.add(phrase.toString());
            }
        }
    }

    static boolean isStop(String word) {
        return word.length() < 2 || STOP_WORDS.contains(word) || STOP_WORDS.contains(word.replace("'s", ""));
    }
}
