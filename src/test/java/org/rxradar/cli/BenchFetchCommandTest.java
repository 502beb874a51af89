package org.rxradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchFetchCommandTest {
    @Test
    void smallRunReportsBothPasses() {
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new BenchFetchCommand());
        cmd.setOut(new PrintWriter(out));
        assertThat(cmd.execute("--feeds", "20", "--items", "5", "--threads", "4")).isZero();
        assertThat(out.toString())
                .contains("first pass (200): 20 feeds, 100 items published")
                .contains("second pass (304): 20 feeds, 0 items published")
                .contains("0 failed");
    }
}
