package org.rxradar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.rxradar.config.ConfigException;

class ConfirmationTokensTest {
    private static final String SECRET = "a-secret-of-enough-length";
    private static final Instant NOW = Instant.parse("2026-11-24T05:00:00Z");

    private static ConfirmationTokens at(Instant t, String secret) {
        return new ConfirmationTokens(secret, Duration.ofHours(48), Clock.fixed(t, ZoneOffset.UTC));
    }

    @Test
    void aTokenNamesItsSubscriberUntilItExpires() {
        String token = at(NOW, SECRET).tokenFor("s-0123456789abcdef");
        assertThat(token).matches("[A-Za-z0-9_-]+\\.\\d+\\.[A-Za-z0-9_-]+");
        assertThat(at(NOW.plus(Duration.ofHours(47)), SECRET).check(token))
                .isEqualTo(new ConfirmationTokens.Check.Valid("s-0123456789abcdef"));
        assertThat(at(NOW.plus(Duration.ofHours(49)), SECRET).check(token))
                .isEqualTo(new ConfirmationTokens.Check.Expired("s-0123456789abcdef"));
    }

    @Test
    void forgedTamperedOrMalformedTokensAreInvalid() {
        ConfirmationTokens tokens = at(NOW, SECRET);
        String token = tokens.tokenFor("s-1");
        String[] p = token.split("\\.");
        ConfirmationTokens.Check invalid = new ConfirmationTokens.Check.Invalid();
        // a later expiry, or another subscriber, breaks the signature
        assertThat(tokens.check(p[0] + "." + (Long.parseLong(p[1]) + 86_400) + "." + p[2])).isEqualTo(invalid);
        assertThat(tokens.check("czI." + p[1] + "." + p[2])).isEqualTo(invalid);
        assertThat(at(NOW, "another-secret-of-length").check(token)).isEqualTo(invalid);
        for (String bad : new String[] {null, "", "abc", "a.b", "a.b.c.d", "!!.1.!!", p[0] + ".notanumber." + p[2], "x".repeat(2000)})
            assertThat(tokens.check(bad)).as(String.valueOf(bad)).isEqualTo(invalid);
    }

    @Test
    void aShortSecretIsAConfigurationError() {
        assertThatThrownBy(() -> at(NOW, "short")).isInstanceOf(ConfigException.class).hasMessageContaining("digest.secret");
        assertThat(ConfirmationTokens.fromConfig("", Clock.systemUTC()).tokenFor("s-1")).isNotBlank();
    }
}
