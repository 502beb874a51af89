package org.rxradar.cli;

import org.rxradar.bus.Bus;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.trend.TrendStage;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.rxradar.model.Json;
import org.rxradar.model.TaggedItem;
import org.rxradar.trend.TrendReport;
import org.rxradar.trend.TrendStore;
import org.rxradar.trend.TrendTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rxradar trends [--days 28] [--until DAY] [FILE|-]}: prints the trends as a table. Without
 * FILE, from the daily snapshots the running pipeline keeps in {@code rxradar.trends} (what
 * {@code /trends} serves); with FILE (or {@code -} for standard input), from tagged items as JSON
 * lines, a line that is not a tagged item reported on standard error and skipped.
 */
@Command(name = "trends", mixinStandardHelpOptions = true,
        description = "Print trends of tagged items as a table: job leads per setting, pay, certifications, news topics, rising terms.")
public final class TrendsCommand implements Callable<Integer> {
    private static final int MAX_REPORTED_ERRORS = 10;

    @Option(names = "--days", defaultValue = "28", description = "Number of days to cover, ending with --until (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--until", paramLabel = "DAY", description = "Last day covered (UTC, YYYY-MM-DD); default: the newest day in the input.")
    LocalDate until;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "Tagged items as JSON lines ('-': standard input). Without FILE: the pipeline's trend snapshots in Kafka.")
    Path file;

    @Mixin
    ConfigOption config;

    @Mixin
    BrokerOption broker;

    @Spec
    CommandSpec spec;

    /** Where items are read from when no FILE is given; standard input unless a caller replaces it. */
    InputStream stdin = System.in;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (days < 1 || days > 366) {
            err.println("trends: --days must be between 1 and 366, got " + days);
            return 2;
        }
        if (file == null) return fromKafka(out);
        TrendStore store = new TrendStore();
        int[] counted = {0}, bad = {0};
        try (InputStream in = open()) {
            Utf8Lines.read(in, (lineNo, line, problem) -> {
                if (problem == null && line.isBlank()) return;
                try {
                    if (problem != null) throw new IllegalArgumentException(problem);
                    TaggedItem item = Json.read(line, TaggedItem.class);
                    if (item == null) throw new IllegalArgumentException("null record");
                    if (store.add(item).isPresent()) counted[0]++;
                } catch (IOException | RuntimeException e) {
                    if (++bad[0] <= MAX_REPORTED_ERRORS) err.println("trends: line " + lineNo + " skipped: " + Json.problem(e));
                }
            });
        } catch (IOException e) {
            err.println("trends: cannot read " + (file == null ? "standard input" : file) + ": " + e.getMessage());
            return 1;
        }
        if (bad[0] > 0) err.println("trends: " + counted[0] + " items counted, " + bad[0] + " lines skipped");
        LocalDate last = until != null ? until : store.latestDay().orElse(LocalDate.now(java.time.ZoneOffset.UTC));
        TrendReport report = store.report(last, days);
        out.print(TrendTable.render(report));
        out.flush();
        err.flush();
        return 0;
    }

    /** The live trends: the snapshots in {@code rxradar.trends}, as the pipeline restores them at start. */
    private int fromKafka(PrintWriter out) {
        RxRadarConfig cfg = config.load();
        TrendStore store = new TrendStore();
        try (Bus bus = broker.open(cfg, spec.commandLine().getErr())) {
            store.restore(TrendStage.readSnapshots(bus.clients()));
        }
        LocalDate last = until != null ? until : LocalDate.now(java.time.ZoneOffset.UTC);
        out.print(TrendTable.render(store.report(last, days)));
        out.flush();
        return 0;
    }

    private InputStream open() throws IOException {
        if (file == null || file.toString().equals("-")) return stdin;
        return Files.newInputStream(file);
    }
}
