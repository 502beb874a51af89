package org.rxradar.tag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rxradar.model.Item;
import org.rxradar.model.TaggedItem;

/**
 * Tagging time is bounded by the text the tagger reads, not by the item: of a 1 MB summary only
 * the first {@link ScannedText#MAX_SUMMARY} characters are read. Shown by what the tagger sees, not
 * by a timing: cues placed past the cap change nothing, the same cues inside it do.
 */
class ScannedTextTest {
    private static final String FILLER = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. ";
    private static final String CUES = " Inpatient hospital pharmacy: sterile compounding of IV admixtures in the cleanroom, USP 797, $19.50 - $24.00 per hour,"
            + " night shift, Austin, TX. ";
    private final Tagger tagger = Tagger.builtIn();

    private static String filler(int length) {
        StringBuilder s = new StringBuilder(length + FILLER.length());
        while (s.length() < length) s.append(FILLER);
        return s.substring(0, length);
    }

    @Test
    void aOneMegabyteSummaryIsReadOnlyUpToTheCap() {
        String summary = filler(ScannedText.MAX_SUMMARY + 10) + CUES + filler(1_000_000);
        Item big = Items.job("Pharmacy Technician", summary);

        assertThat(ScannedText.of(big).summary()).hasSizeLessThanOrEqualTo(ScannedText.MAX_SUMMARY);
        TaggedItem t = tagger.tag(big);
        assertThat(t.settings()).doesNotContain("hospital");
        assertThat(t.topics()).doesNotContain("compounding");
        assertThat(t.salary()).isNull();
        assertThat(t.location()).isNull();
        assertThat(t.shift()).isEmpty();
        assertThat(t.summary()).as("the tagged item keeps the whole summary").isEqualTo(summary);

        // the same cues inside the cap are read
        TaggedItem within = tagger.tag(Items.job("Pharmacy Technician", filler(ScannedText.MAX_SUMMARY - CUES.length() - 200) + CUES
                + filler(1_000_000)));
        assertThat(within.settings()).contains("hospital");
        assertThat(within.topics()).contains("compounding");
        assertThat(within.salary()).isNotNull();
        assertThat(within.location().state()).isEqualTo("TX");
    }

    @Test
    void titleEmployerAndLocationAreCappedToo() {
        String huge = filler(500_000);
        Item item = Items.job(huge + " IV room technician", "Retail pharmacy.", huge + " Mercy Health", huge + " Austin, TX");
        ScannedText read = ScannedText.of(item);
        assertThat(read.title()).hasSizeLessThanOrEqualTo(ScannedText.MAX_TITLE);
        assertThat(read.employer()).hasSizeLessThanOrEqualTo(ScannedText.MAX_NAME);
        assertThat(read.location()).hasSizeLessThanOrEqualTo(ScannedText.MAX_NAME);
        assertThat(tagger.tag(item).title()).isEqualTo(item.title());
    }

    @Test
    void aCutEndsOnAWordAndTextsWithinTheCapAreReadWhole() {
        String text = "word ".repeat(ScannedText.MAX_SUMMARY);
        String head = ScannedText.head(text, ScannedText.MAX_SUMMARY);
        assertThat(head).endsWith("word").hasSizeLessThanOrEqualTo(ScannedText.MAX_SUMMARY);
        assertThat(ScannedText.head("short text", ScannedText.MAX_SUMMARY)).isEqualTo("short text");
        assertThat(ScannedText.head(null, 10)).isNull();
        String surrogates = "😀".repeat(20); // no spaces: the cut must not split a pair
        assertThat(ScannedText.head(surrogates, 11)).isEqualTo("😀".repeat(5));
    }
}
