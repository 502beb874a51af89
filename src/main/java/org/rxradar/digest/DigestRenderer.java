package org.rxradar.digest;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a {@link Digest} with the Pebble templates in {@code digest/} (autoescaping on: every
 * item text is HTML-escaped in the HTML part). The templates hold no scripts, no images and no
 * tracking; links are only the items' own http(s) links, feed links and the unsubscribe link.
 * Thread-safe: one instance serves every subscriber.
 */
public final class DigestRenderer {
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final PebbleTemplate html;
    private final PebbleTemplate text;

    public DigestRenderer() {
        this.html = engine(true).getTemplate("digest.html.peb");
        // the text template places its line breaks itself (see its header comment)
        this.text = engine(false).getTemplate("digest.txt.peb");
    }

    private static PebbleEngine engine(boolean newLineTrimming) {
        ClasspathLoader loader = new ClasspathLoader(DigestRenderer.class.getClassLoader());
        loader.setPrefix("digest");
        return new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(true)
                .strictVariables(true)
                .newLineTrimming(newLineTrimming)
                .build();
    }

    /** @param unsubscribeUrl the one-click unsubscribe link shown in the footer */
    public RenderedDigest render(Digest digest, String unsubscribeUrl) {
        return render(digest, unsubscribeUrl, Optional.empty());
    }

    /**
     * @param trends the week's trends section, placed after the items (its HTML is our own markup,
     *               with every counted text escaped by the trend renderer, so it is inserted raw)
     */
    public RenderedDigest render(Digest digest, String unsubscribeUrl, Optional<WeeklyTrends.Section> trends) {
        return render(digest, unsubscribeUrl, null, trends);
    }

    /** @param preferencesUrl the signed link to the subscriber's preferences page; null leaves it out */
    public RenderedDigest render(Digest digest, String unsubscribeUrl, String preferencesUrl, Optional<WeeklyTrends.Section> trends) {
        Map<String, Object> context = new HashMap<>();
        context.put("preferencesUrl", preferencesUrl);
        context.put("trendsHtml", trends.map(WeeklyTrends.Section::html).orElse(""));
        context.put("trendsText", trends.map(WeeklyTrends.Section::text).orElse(""));
        String subject = subject(digest);
        context.put("digest", digest);
        context.put("subject", subject);
        context.put("counts", counts(digest));
        context.put("dateLong", LONG.format(digest.period()));
        context.put("unsubscribeUrl", unsubscribeUrl);
        return new RenderedDigest(subject, evaluate(text, context), evaluate(html, context));
    }

    /** "RxRadar — Tue 24 Nov: 12 leads, 5 news" (a kind the subscriber does not take is left out). */
    public static String subject(Digest digest) {
        return "RxRadar \u2014 " + SHORT.format(digest.period()) + ": " + counts(digest);
    }

    static String counts(Digest digest) {
        var kinds = digest.subscriber().kinds().stream().map(k -> k.trim().toLowerCase(Locale.ROOT)).toList();
        boolean jobs = kinds.isEmpty() || kinds.contains("jobs") || kinds.contains("job");
        boolean news = kinds.isEmpty() || kinds.contains("news");
        String leads = digest.leadCount() + (digest.leadCount() == 1 ? " lead" : " leads");
        String stories = digest.newsCount() + " news";
        if (jobs && news) return leads + ", " + stories;
        return jobs ? leads : stories;
    }

    private static String evaluate(PebbleTemplate template, Map<String, Object> context) {
        StringWriter out = new StringWriter(8192);
        try {
            template.evaluate(out, context, Locale.ENGLISH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
