package org.rxradar.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rxradar.config.RxRadarConfig;

/**
 * The least time a fetch pass can take because of {@code fetch.per-host-delay}: the delay is kept
 * between request starts on one host whatever the per-host concurrency, so the host with the most
 * sources needs at least (sources − 1) × delay. Said up front when that is long, so a slow pass is
 * not mistaken for a hung one.
 *
 * @param sources    sources in the pass
 * @param hosts      distinct hosts (host and port) among them
 * @param busiest    the host with the most sources
 * @param onBusiest  how many sources it has
 * @param delay      the per-host delay
 * @param atLeast    the lower bound on the pass's duration
 */
public record PassEstimate(int sources, int hosts, String busiest, int onBusiest, Duration delay, Duration atLeast) {
    /** Below this a pass is not worth a warning. */
    public static final Duration WORTH_SAYING = Duration.ofMinutes(1);

    public static PassEstimate of(List<RxRadarConfig.Source> sources, Duration perHostDelay) {
        Map<String, Integer> perHost = new HashMap<>();
        for (RxRadarConfig.Source s : sources) perHost.merge(hostOf(s.url()), 1, Integer::sum);
        String busiest = "";
        int most = 0;
        for (Map.Entry<String, Integer> e : perHost.entrySet()) {
            if (e.getValue() > most) {
                busiest = e.getKey();
                most = e.getValue();
            }
        }
        Duration delay = perHostDelay == null || perHostDelay.isNegative() ? Duration.ZERO : perHostDelay;
        return new PassEstimate(sources.size(), perHost.size(), busiest, most, delay, delay.multipliedBy(Math.max(0, most - 1)));
    }

    /** The line to log before the pass, when the delay alone makes it take {@link #WORTH_SAYING} or more. */
    public Optional<String> warning() {
        if (atLeast.compareTo(WORTH_SAYING) < 0) return Optional.empty();
        String where = hosts == 1 ? "1 host" : String.format(Locale.ROOT, "%,d hosts (%,d on %s)", hosts, onBusiest, busiest);
        return Optional.of(String.format(Locale.ROOT, "%,d sources on %s at %s per host: at least %s; set fetch.per-host-delay to go faster",
                sources, where, ProgressLine.duration(delay), ProgressLine.duration(atLeast)));
    }

    private static String hostOf(String url) {
        try {
            URI u = URI.create(url == null ? "" : url.trim());
            if (u.getHost() == null) return "(no host)";
            return u.getHost().toLowerCase(Locale.ROOT) + (u.getPort() < 0 ? "" : ":" + u.getPort());
        } catch (IllegalArgumentException e) {
            return "(no host)";
        }
    }
}
