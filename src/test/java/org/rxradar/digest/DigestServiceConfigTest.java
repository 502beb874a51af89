package org.rxradar.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rxradar.digest.TestItems.job;
import static org.rxradar.digest.TestItems.news;
import static org.rxradar.digest.TestItems.subscriber;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.config.ConfigException;
import org.rxradar.config.RxRadarConfig;

/** The service as the application builds it from configuration: outbox delivery, caps, the secret rule, preview. */
class DigestServiceConfigTest {
    @TempDir
    Path dir;

    private RxRadarConfig config(int maxLeads, int maxNews, String secret) {
        RxRadarConfig base = RxRadarConfig.defaults()
                .withHttp(new RxRadarConfig.Http(0, null, "https://rxradar.example.org/"))
                .withMail(new RxRadarConfig.Mail("RxRadar <digest@rxradar.example.org>", dir.resolve("outbox").toString(), null));
        return new RxRadarConfig(base.kafka(), base.http(), base.fetch(), base.sources(), base.tagger(), base.subscribers(),
                base.mail(), new RxRadarConfig.Digest(maxLeads, maxNews, false, secret, null));
    }

    @Test
    void productionModeRefusesToStartWithoutASecret() {
        RxRadarConfig noSecret = config(5, 5, "");
        assertThatThrownBy(() -> DigestService.fromConfig(noSecret, true, Clock.systemUTC()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("digest.secret");
        try (DigestService dev = DigestService.fromConfig(noSecret, false, Clock.systemUTC())) {
            assertThat(dev.mailer()).isInstanceOf(OutboxMailer.class);
        }
    }

    @Test
    void deliversToTheOutboxWithTheConfiguredCapsAndPreviewsWithoutSending() throws Exception {
        RxRadarConfig cfg = config(2, 1, "a-long-enough-test-secret");
        var items = List.of(
                job("Tech A").settings("retail").build(), job("Tech B").settings("retail").build(),
                job("Tech C").settings("retail").build(), news("Story").topics("workforce").build());
        var sub = subscriber("fay").settings("retail").build();
        LocalDate day = LocalDate.of(2026, 11, 24);
        try (DigestService service = DigestService.fromConfig(cfg, true, Clock.systemUTC())) {
            Digest preview = service.preview(sub, items, day);
            assertThat(preview.leadCount()).isEqualTo(2);
            assertThat(preview.matchedLeads()).isEqualTo(3);
            assertThat(service.render(preview).html()).contains("https://rxradar.example.org/feeds/settings/retail.atom");
            assertThat(Files.exists(dir.resolve("outbox"))).isFalse();

            DeliveryResult result = service.deliver(sub, items, day);
            assertThat(result.sent()).isTrue();
            assertThat(result.itemIds()).hasSize(3);
            assertThat(result.subject()).isEqualTo("RxRadar \u2014 Tue 24 Nov: 2 leads, 1 news");
            assertThat(result.messageId()).isEqualTo("<rxradar.2026-11-24.fay@rxradar.example.org>");
        }
        String eml = Files.readString(dir.resolve("outbox").resolve("2026-11-24-fay.eml"));
        assertThat(eml).contains("List-Unsubscribe: <https://rxradar.example.org/unsubscribe?token=");
        assertThat(Files.exists(dir.resolve("outbox").resolve("2026-11-24-fay.html"))).isTrue();
    }
}
