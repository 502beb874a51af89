package org.rxradar.fetch.discover;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Guesses which URLs of a sitemap are job pages: the path folder most of the URLs below a job-like
 * folder ({@code /jobs/}, {@code /careers/jobs/}, {@code /position/}...) share. The guess becomes a
 * sitemap source's {@code include} regex, which the operator can refine.
 */
final class JobUrlPattern {
    // a folder whose children are postings; "position" also covers "positions", "position-details"
    private static final Pattern JOBISH = Pattern.compile(
            "(?i)(jobs?|careers?|openings?|vacanc(y|ies)|requisitions?|job-?details?|job-?postings?|opportunit(y|ies)|position.*)");

    /**
     * @param prefix the shared path folder, {@code /careers/jobs/}
     * @param count  how many URLs lie below it
     * @param regex  the include regex for it, any host
     */
    record Guess(String prefix, int count, String regex) {}

    private JobUrlPattern() {}

    /** The best guess for {@code urls}, or null when none looks like a job page. */
    static Guess guess(List<String> urls) {
        Map<String, Integer> counts = new HashMap<>();
        for (String url : urls) {
            String prefix = prefix(url);
            if (prefix != null) counts.merge(prefix, 1, Integer::sum);
        }
        String best = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (best == null || e.getValue() > counts.get(best)
                    || e.getValue().equals(counts.get(best)) && e.getKey().length() < best.length()) {
                best = e.getKey();
            }
        }
        return best == null ? null : new Guess(best, counts.get(best), "^https?://[^/]+" + quote(best) + ".+");
    }

    /** The folder up to the deepest job-like segment that has something below it, or null. */
    static String prefix(String url) {
        String path;
        try {
            path = URI.create(url.trim()).getRawPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (path == null) return null;
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) if (!s.isEmpty()) segments.add(s);
        for (int i = segments.size() - 2; i >= 0; i--) {
            if (JOBISH.matcher(segments.get(i)).matches()) {
                return "/" + String.join("/", segments.subList(0, i + 1)) + "/";
            }
        }
        return null;
    }

    // escapes what a regex would read as an operator; paths rarely hold more than '.' and '-'
    private static String quote(String path) {
        StringBuilder out = new StringBuilder();
        for (char c : path.toCharArray()) {
            if (".[]{}()*+?^$|\\".indexOf(c) >= 0) out.append('\\');
            out.append(c);
        }
        return out.toString();
    }
}
