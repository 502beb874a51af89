package org.rxradar.config;

import org.rxradar.model.EmailAddresses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.cli.Main;

/**
 * A file with many mistakes is reported whole, one line per problem naming its key, in words: no
 * Jackson message, no Java type; values of the wrong type, unknown keys and failed checks alike.
 */
class ConfigProblemsTest {
    @TempDir
    Path dir;

    private static final String MANY_MISTAKES = """
            kafka:
              partitions: 0
              prot: 19092
            http:
              port: eighty
            sources:
              - id: a
                url: https://example.org/a
                interval: 5 minutes
              - id: b
                url: ftp://example.org/b
                enabled: maybe
            subscribers:
              - email: not-an-address
                settings: hospital
            digest:
              max-leads: [1, 2]
            """;

    @Test
    void everyProblemOfTheFileIsReportedAtOnceNamingItsKey() {
        ConfigException e = catchConfig(() -> ConfigLoader.parse(MANY_MISTAKES, Map.of()));
        assertThat(e.problems()).extracting(ConfigException.Problem::key).containsExactlyInAnyOrder(
                "kafka.prot", "http.port", "sources[0].interval", "sources[1].enabled", "subscribers[0].settings",
                "digest.max-leads", "kafka.partitions", "sources[1].url", "subscribers[0].email");
        assertThat(e.problems().get(0).problem()).startsWith("unknown key").contains("partitions");
        assertThat(e.problems().get(1).line()).isEqualTo("http.port: 'eighty' is not a whole number");
        assertThat(e.problems().get(2).problem()).contains("not a duration");
        assertThat(e.problems().get(3).line()).isEqualTo("sources[1].enabled: 'maybe' is not true or false");
        assertThat(e.problems().get(4).problem()).startsWith("'hospital' is not a list");
        assertThat(e.problems().get(5).line()).isEqualTo("digest.max-leads: a list is not a whole number");
        for (ConfigException.Problem p : e.problems())
            assertThat(p.line()).doesNotContain("`", "java.", "Cannot deserialize", "com.fasterxml", "\n");
    }

    @Test
    void theCommandPrintsEveryProblemOnItsOwnLine() throws Exception {
        Path file = dir.resolve("rxradar.yml");
        Files.writeString(file, MANY_MISTAKES);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.execute("run", "--once", "--config", file.toString());
        } finally {
            System.setErr(old);
        }
        assertThat(code).isEqualTo(Main.EXIT_CONFIG);
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("rxradar:")).toList();
        assertThat(lines).hasSize(9).allSatisfy(l -> assertThat(l).startsWith("rxradar: configuration error: "));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("http.port: 'eighty'"))
                .anySatisfy(l -> assertThat(l).contains("subscribers[0].email"));
    }

    @Test
    void aWrongValueFromTheEnvironmentNamesTheVariable() {
        ConfigException e = catchConfig(() -> ConfigLoader.parse("", Map.of("RXRADAR_HTTP_PORT", "80a", "RXRADAR_MAIL_SMTP_TLS", "yes")));
        assertThat(e.problems()).extracting(ConfigException.Problem::line).containsExactly(
                "http.port: '80a' is not a whole number (from the environment variable RXRADAR_HTTP_PORT)",
                "mail.smtp.tls: 'yes' is not true or false (from the environment variable RXRADAR_MAIL_SMTP_TLS)");
    }

    @Test
    void textValuesFromTheEnvironmentStillBind() {
        RxRadarConfig c = ConfigLoader.parse("", Map.of("RXRADAR_HTTP_PORT", "7070", "RXRADAR_MAIL_SMTP_STARTTLS", "FALSE"));
        assertThat(c.http().port()).isEqualTo(7070);
        assertThat(c.mail().smtp().starttls()).isFalse();
    }

    @Test
    void aListElementOfTheWrongShapeKeepsTheNumbersOfTheOthers() {
        ConfigException e = catchConfig(() -> ConfigLoader.parse("""
                sources:
                  - just-a-url
                  - id: b
                    url: https://example.org/b
                    interval: 10s
                """, Map.of()));
        assertThat(e.problems()).extracting(ConfigException.Problem::line).containsExactly(
                "sources[0]: 'just-a-url' is not a mapping of keys (id, type, kind, url, interval, name, selectors, enabled, "
                        + "api-url, search, api-key, user-agent-email, include, max-pages)",
                "sources[1].interval: must be at least 1m, to be polite to the site");
    }

    /** Bytes that are not UTF-8 (here an address saved in Latin-1) stop the load naming the line; nothing is replaced. */
    @Test
    void aFileThatIsNotUtf8IsRefusedNamingTheLine() throws Exception {
        Path file = dir.resolve("latin1.yml");
        Files.write(file, "subscribers:\n  - email: jos\u00e9@example.org\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not valid UTF-8 (line 2)");
    }

    @Test
    void anAddressHoldingAReplacementCharacterIsRefused() {
        assertThat(EmailAddresses.problem("jos\uFFFD@example.org")).contains("not valid UTF-8");
        assertThat(EmailAddresses.problem("a\uD800b@example.org")).contains("not valid Unicode");
        assertThat(EmailAddresses.problem("tech@example.org")).isNull();
        ConfigException e = catchConfig(() -> ConfigLoader.parse("subscribers:\n  - email: \"jos\\uFFFD@example.org\"\n", Map.of()));
        assertThat(e.key()).isEqualTo("subscribers[0].email");
    }

    private static ConfigException catchConfig(Runnable r) {
        try {
            r.run();
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("no ConfigException");
    }
}
