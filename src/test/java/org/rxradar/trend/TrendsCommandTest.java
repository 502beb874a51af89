package org.rxradar.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.cli.TrendsCommand;
import org.rxradar.model.Json;
import picocli.CommandLine;

class TrendsCommandTest {
    private static final TrendStream STREAM = new TrendStream(99L);

    @TempDir
    Path dir;

    @Test
    void printsTheTableFromJsonLinesAndSkipsBadLines() throws Exception {
        List<String> lines = new ArrayList<>();
        for (var item : STREAM.items) lines.add(Json.text(item));
        lines.add(100, "{not json");
        lines.add(200, "{\"v\":1,\"id\":\"x\"}"); // no kind
        lines.add(300, "");
        Path file = dir.resolve("tagged.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);

        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = run(out, err, "--days", "28", file.toString());

        assertThat(code).isZero();
        int leads = 0;
        for (var d = TrendStream.LAST.minusDays(27); !d.isAfter(TrendStream.LAST); d = d.plusDays(1)) leads += STREAM.expected.get(d).relevantLeads;
        assertThat(out.toString()).contains("Trends " + TrendStream.LAST.minusDays(27) + " to " + TrendStream.LAST, leads + " job leads", "usp 800");
        assertThat(err.toString()).contains("line 101 skipped", "line 201 skipped").doesNotContain("line 301");
    }

    @Test
    void untilAndDaysChooseTheWindow() throws Exception {
        Path file = dir.resolve("tagged.jsonl");
        Files.write(file, STREAM.items.stream().map(Json::text).toList(), StandardCharsets.UTF_8);
        StringWriter out = new StringWriter(), err = new StringWriter();
        var until = TrendStream.START.plusDays(9);
        assertThat(run(out, err, "--days", "7", "--until", until.toString(), file.toString())).isZero();
        int leads = 0;
        for (var d = until.minusDays(6); !d.isAfter(until); d = d.plusDays(1)) leads += STREAM.expected.get(d).relevantLeads;
        assertThat(out.toString()).contains("(7 days): " + leads + " job leads");
    }

    @Test
    void badArgumentsAreClearErrors() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertThat(run(out, err, "--days", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--days must be between 1 and 366");
        assertThat(run(out, err, dir.resolve("missing.jsonl").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("cannot read", "missing.jsonl");
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = new CommandLine(new TrendsCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
