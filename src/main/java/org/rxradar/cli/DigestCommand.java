package org.rxradar.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rxradar.bus.Bus;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.digest.DigestPreview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Digest tools; {@code digest preview} shows what a subscriber would receive next. */
@Command(name = "digest", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Inspect digests without sending them.",
        subcommands = DigestCommand.Preview.class)
public final class DigestCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "preview", mixinStandardHelpOptions = true,
            description = {
                    "Print the plain text of a subscriber's next digest: their filters over the tagged items of the",
                    "last 14 days, minus the items already in one of their digests. Nothing is sent or recorded.",
                    "While `rxradar run` or `rxradar demo` runs, reads its broker (see --data-dir, --bootstrap)."})
    static final class Preview implements Callable<Integer> {
        @Mixin ConfigOption config;
        @Mixin BrokerOption broker;
        @Parameters(paramLabel = "EMAIL", description = "the subscriber's address (or id)") String who;
        @Option(names = "--date", paramLabel = "YYYY-MM-DD",
                description = "the digest's day in the subscriber's time zone (default: their next digest not yet sent)")
        LocalDate date;
        @Option(names = "--html", paramLabel = "FILE", description = "also write the HTML part to FILE") Path html;
        @Spec CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (who == null || who.isBlank()) {
                err.println("digest preview: EMAIL is empty");
                return 2;
            }
            RxRadarConfig cfg = config.load();
            try (Bus bus = broker.open(cfg, err); DigestPreview preview = DigestPreview.open(bus.clients(), cfg, Clock.systemUTC())) {
                Optional<DigestPreview.Result> result = preview.preview(who, date);
                if (result.isEmpty()) {
                    List<String> known = preview.knownEmails();
                    err.println("digest preview: no subscriber " + who.trim() + (known.isEmpty() ? "; there are no subscribers yet"
                            : "; known: " + String.join(", ", known.subList(0, Math.min(10, known.size())))
                            + (known.size() > 10 ? " and " + (known.size() - 10) + " more" : "")));
                    err.flush();
                    return 1;
                }
                DigestPreview.Result r = result.get();
                out.print(r.rendered().text());
                out.flush();
                if (html != null) {
                    Files.writeString(html, r.rendered().html(), StandardCharsets.UTF_8);
                }
                err.println(summary(r, preview.itemCount()));
                if (html != null) err.println("HTML written to " + html);
                err.flush();
                return 0;
            }
        }

        private static String summary(DigestPreview.Result r, int items) {
            var s = r.subscriber();
            StringBuilder b = new StringBuilder()
                    .append("Preview for ").append(s.email()).append(" (").append(s.id()).append("), ").append(r.period())
                    .append(" at ").append(s.sendAt()).append(' ').append(s.timezone()).append(", ").append(s.frequency())
                    .append(": ").append(r.digest().leadCount()).append(" leads, ").append(r.digest().newsCount()).append(" news from ")
                    .append(r.candidates()).append(" new of ").append(items).append(" recent items. Not sent, not recorded.");
            if (!r.active()) b.append("\nStatus ").append(s.status().text()).append(": no digest would be sent.");
            if (r.digest().isEmpty()) b.append("\nNothing matched: no digest would be sent (unless digest.send-empty is set).");
            r.recorded().ifPresent(d -> b.append("\nThe digest for ").append(d.period()).append(" is already recorded (delivery: ")
                    .append(d.delivery()).append("); it would not be sent again."));
            return b.toString();
        }
    }
}
