package org.rxradar.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void noFileGivesWorkingDefaults() {
        RxRadarConfig c = ConfigLoader.load(null, Map.of());
        assertThat(c.kafka().useEmbedded()).isTrue();
        assertThat(c.kafka().partitions()).isEqualTo(3);
        assertThat(c.kafka().embedded().dataDir()).isEqualTo("./data/kafka");
        assertThat(c.http().port()).isEqualTo(8080);
        assertThat(c.mail().outbox()).isEqualTo("./outbox");
        assertThat(c.mail().smtp().enabled()).isFalse();
        assertThat(c.sources()).isEmpty();
    }

    @Test
    void readsTheDocumentedKeys() {
        RxRadarConfig c = ConfigLoader.parse("""
                kafka:
                  bootstrap-servers: "broker:29092"
                http:
                  port: 9090
                sources:
                  - id: example-news
                    type: rss
                    kind: news
                    url: https://example.org/feed.xml
                    interval: 30m
                subscribers:
                  - email: tech@example.org
                    settings: [hospital, long-term-care]
                    topics: [certification]
                    states: [tx]
                    timezone: America/Chicago
                    send-at: "07:00"
                mail:
                  from: "RxRadar <digest@example.org>"
                  outbox: ./outbox
                  smtp: { host: "", port: 587, starttls: true, username: "", password: "" }
                """, Map.of());
        assertThat(c.kafka().useEmbedded()).isFalse();
        assertThat(c.http().port()).isEqualTo(9090);
        assertThat(c.sources().get(0).interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(c.subscribers().get(0).states()).containsExactly("TX");
        assertThat(c.subscribers().get(0).id()).startsWith("s-").hasSize(18);
    }

    @Test
    void environmentOverridesKeysByPath() {
        RxRadarConfig c = ConfigLoader.parse("http:\n  port: 9090\n", Map.of(
                "RXRADAR_HTTP_PORT", "7070",
                "RXRADAR_KAFKA_BOOTSTRAP_SERVERS", "kafka:29092",
                "RXRADAR_MAIL_SMTP_HOST", "mailpit",
                "RXRADAR_MAIL_SMTP_STARTTLS", "false",
                "RXRADAR_FETCH_TOTAL_TIMEOUT", "90s"));
        assertThat(c.http().port()).isEqualTo(7070);
        assertThat(c.kafka().bootstrapServers()).isEqualTo("kafka:29092");
        assertThat(c.mail().smtp().host()).isEqualTo("mailpit");
        assertThat(c.mail().smtp().starttls()).isFalse();
        assertThat(c.fetch().totalTimeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void unknownKeyIsNamedWithTheValidOnes() {
        assertThatThrownBy(() -> ConfigLoader.parse("http:\n  prot: 80\n", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.prot")
                .hasMessageContaining("unknown key")
                .hasMessageContaining("port");
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> ConfigLoader.parse("""
                sources:
                  - id: a
                    url: https://example.org/a
                  - id: b
                    url: https://example.org/b
                    interval: 5 minutes
                """, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sources[1].interval")
                .hasMessageContaining("not a duration");
        assertThatThrownBy(() -> ConfigLoader.parse("http:\n  port: 99999\n", Map.of()))
                .hasMessageContaining("http.port");
        assertThatThrownBy(() -> ConfigLoader.parse("subscribers:\n  - email: \"a@example.org\\r\\nBcc: x@example.org\"\n", Map.of()))
                .hasMessageContaining("subscribers[0].email");
        assertThatThrownBy(() -> ConfigLoader.parse("subscribers:\n  - email: a@example.org\n    settings: [hospitals]\n", Map.of()))
                .hasMessageContaining("subscribers[0].settings").hasMessageContaining("hospital");
        assertThatThrownBy(() -> ConfigLoader.parse("subscribers:\n  - email: a@example.org\n    timezone: Mars/Olympus\n", Map.of()))
                .hasMessageContaining("subscribers[0].timezone");
        assertThatThrownBy(() -> ConfigLoader.parse("sources:\n  - id: a\n    url: ftp://example.org/x\n", Map.of()))
                .hasMessageContaining("sources[0].url");
        assertThatThrownBy(() -> ConfigLoader.parse("sources:\n  - id: a\n    type: gopher\n    url: https://example.org/\n", Map.of()))
                .hasMessageContaining("sources[0].type");
    }

    @Test
    void malformedYamlAndMissingFileAreClear() throws Exception {
        Path bad = dir.resolve("bad.yml");
        Files.writeString(bad, "http:\n  port: [1, \n");
        assertThatThrownBy(() -> ConfigLoader.load(bad, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not valid YAML").hasMessageContaining("line");
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("missing.yml"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("does not exist");
    }

    @Test
    void durationsAndSizes() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Durations.parse("PT30M")).isEqualTo(Duration.ofMinutes(30));
        assertThat(DataSize.parse("10MB")).isEqualTo(10L * 1024 * 1024);
        assertThatThrownBy(() -> DataSize.parse("lots")).isInstanceOf(IllegalArgumentException.class);
    }
}
