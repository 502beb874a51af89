package org.rxradar.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rxradar.model.DigestRecord;
import org.rxradar.model.Json;

/** The one result of a digest send, and the record of it on {@code rxradar.digests} (whose JSON readers depend on). */
class DeliveryResultTest {
    private static final LocalDate TUESDAY = LocalDate.parse("2026-11-24");
    private static final Instant SENT_AT = Instant.parse("2026-11-24T07:00:01Z");
    private static final Instant RECORDED_AT = Instant.parse("2026-11-24T07:00:02Z");

    @Test
    void aSentDigestIsRecordedWithItsMailerItemsAndCounts() throws Exception {
        DeliveryResult sent = new DeliveryResult(DeliveryResult.Status.SENT, "ana", TUESDAY, "<m1@rxradar>", "RxRadar",
                List.of("i1", "i2"), 1, 1, "smtp://mail.example.org:25", null, SENT_AT);

        DigestRecord r = sent.toRecord("ana", RECORDED_AT);

        assertThat(r).isEqualTo(new DigestRecord(DigestRecord.VERSION, "ana", TUESDAY, RECORDED_AT, "<m1@rxradar>",
                List.of("i1", "i2"), 1, 1, "smtp://mail.example.org:25", null));
        assertThat(Json.text(r)).isEqualTo("{\"v\":1,\"subscriber\":\"ana\",\"period\":\"2026-11-24\",\"sent\":\"2026-11-24T07:00:02Z\",\"messageId\":\"<m1@rxradar>\",\"itemIds\":[\"i1\",\"i2\"],"
                + "\"leads\":1,\"news\":1,\"delivery\":\"smtp://mail.example.org:25\",\"error\":null,\"intent\":false}");
        assertThat(Json.read(Json.text(r), DigestRecord.class)).isEqualTo(r);
    }

    @Test
    void skipsAndFailuresAreRecordedAsBeforeSkippedAndFailedWithWhy() throws Exception {
        DigestRecord skipped = DeliveryResult.skipped(DeliveryResult.Status.SKIPPED_EMPTY, "bo", TUESDAY, SENT_AT)
                .toRecord("bo", RECORDED_AT);
        DigestRecord failed = DeliveryResult.failed("cy", TUESDAY, "550 user unknown", SENT_AT).toRecord("cy", RECORDED_AT);

        assertThat(skipped.delivery()).isEqualTo("skipped");
        assertThat(skipped.error()).isNull();
        assertThat(skipped.itemIds()).isEmpty();
        assertThat(failed.delivery()).isEqualTo("failed");
        assertThat(failed.error()).isEqualTo("550 user unknown");
        assertThat(Json.text(failed)).isEqualTo("{\"v\":1,\"subscriber\":\"cy\",\"period\":\"2026-11-24\",\"sent\":\"2026-11-24T07:00:02Z\",\"messageId\":null,\"itemIds\":[],"
                + "\"leads\":0,\"news\":0,\"delivery\":\"failed\",\"error\":\"550 user unknown\",\"intent\":false}");
    }
}
