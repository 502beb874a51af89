package org.rxradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EvalCommandTest {
    @Test
    void printsFiguresPerFacetAndTheWorstMisses() throws Exception {
        Path sample = Path.of(EvalCommandTest.class.getResource("/tag/sample-items.jsonl").toURI());
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new EvalCommand());
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute(sample.toString(), "--misses", "3")).isZero();
        assertThat(out.toString())
                .contains("settings", "topics", "macro-F1", "micro-F1", "hospital", "regulation")
                .contains("relevance accuracy", "salary exact match", "certification F1");
    }

    @Test
    void badFileIsAClearError() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new EvalCommand());
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("/nonexistent/labels.jsonl")).isEqualTo(2);
        assertThat(err.toString()).contains("no such file");
    }
}
