package org.rxradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code subscribers add --notify}: bad targets are configuration errors naming the option, before any broker is opened. */
class SubscribersAddNotifyTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private String config() throws Exception {
        Path file = dir.resolve("rxradar.yml");
        Files.writeString(file, """
                http:
                  base-url: https://rxradar.example.org
                """);
        return file.toString();
    }

    @Test
    void aTargetThatIsNotHttpIsRefusedNamingItsField() throws Exception {
        int code = run("subscribers", "add", "ana@example.org", "--config", config(), "--notify", "ntfy=https://ntfy.sh/ok",
                "--notify", "webhook=ftp://example.org/hook");
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("subscriber.notify[1].webhook").contains("'ftp://example.org/hook' is not an http(s) URL");
    }

    @Test
    void anUnknownKindIsRefusedNamingTheOption() throws Exception {
        int code = run("subscribers", "add", "ana@example.org", "--config", config(), "--notify", "telegram=https://t.me/x");
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("--notify[0]").contains("webhook, ntfy, slack, discord");
    }

    @Test
    void aTargetAtTheServersOwnAddressIsRefused() throws Exception {
        int code = run("subscribers", "add", "ana@example.org", "--config", config(), "--notify",
                "webhook=https://rxradar.example.org/subscriptions", "--notify-when", "new-leads");
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("subscriber.notify[0].webhook").contains("is this RxRadar server itself");
    }
}
