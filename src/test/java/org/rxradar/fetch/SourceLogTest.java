package org.rxradar.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rxradar.config.RxRadarConfig.Source;
import org.rxradar.model.Json;

class SourceLogTest {
    private static final Source USAJOBS = new Source("usajobs", "usajobs", null, "https://data.usajobs.gov/api/search",
            Duration.ofHours(1), "USAJOBS", Map.of(), true, null, List.of("pharmacy technician"), "secret-key-123", "rx@example.org",
            null, null);

    @Test
    void aSourceRecordHoldsTheConfigurationWithoutItsApiKeyAndReadsBackEqual() {
        Source written = SourceLog.withoutSecrets(USAJOBS);
        byte[] value = Json.bytes(written);
        String json = new String(value, StandardCharsets.UTF_8);
        System.out.println("source record: " + json);
        assertThat(json).doesNotContain("secret-key-123").contains("\"id\":\"usajobs\"").contains("\"userAgentEmail\":\"rx@example.org\"");
        Source read = SourceLog.parse("usajobs", value);
        assertThat(read).isEqualTo(written);
        assertThat(SourceLog.withApiKey(read, USAJOBS.apiKey())).isEqualTo(USAJOBS);
    }

    @Test
    void aRecordThatIsNotASourceOrNamesAnotherIdIsLeftOut() {
        assertThat(SourceLog.parse("x", "{ nope".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(SourceLog.parse("other", Json.bytes(SourceLog.withoutSecrets(USAJOBS)))).isNull();
    }
}
