package org.rxradar.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.rxradar.config.ConfigException;

class UnsubscribeTokensTest {
    private final UnsubscribeTokens tokens = UnsubscribeTokens.withSecret("0123456789abcdef-secret");

    @Test
    void aTokenVerifiesToItsSubscriber() {
        String token = tokens.tokenFor("sub-42");
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
        assertThat(tokens.verify(token)).contains("sub-42");
        assertThat(tokens.tokenFor("sub-42")).isEqualTo(token);
    }

    @Test
    void forgedTamperedOrMalformedTokensAreRefused() {
        String token = tokens.tokenFor("sub-42");
        String otherId = tokens.tokenFor("sub-43");
        // someone else's signature on this id
        String swapped = token.substring(0, token.indexOf('.')) + otherId.substring(otherId.indexOf('.'));
        assertThat(tokens.verify(swapped)).isEmpty();
        assertThat(tokens.verify(UnsubscribeTokens.withSecret("another-secret-of-16+").tokenFor("sub-42"))).isEmpty();
        char last = token.charAt(token.length() - 1);
        assertThat(tokens.verify(token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'))).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
        assertThat(tokens.verify("no-dot")).isEmpty();
        assertThat(tokens.verify("a.b.c")).isEmpty();
        assertThat(tokens.verify("!!!.???")).isEmpty();
    }

    @Test
    void productionWithoutASecretIsAConfigurationError() {
        assertThatThrownBy(() -> UnsubscribeTokens.fromConfig("", true))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("digest.secret")
                .hasMessageContaining("RXRADAR_DIGEST_SECRET");
        assertThatThrownBy(() -> UnsubscribeTokens.fromConfig("short", true)).isInstanceOf(ConfigException.class);
    }

    @Test
    void developmentFallsBackToAKnownSecretAndSaysSo() {
        UnsubscribeTokens dev = UnsubscribeTokens.fromConfig(null, false);
        assertThat(dev.usesDevelopmentDefault()).isTrue();
        assertThat(dev.verify(dev.tokenFor("x"))).contains("x");
        UnsubscribeTokens configured = UnsubscribeTokens.fromConfig("a-real-secret-1234567", true);
        assertThat(configured.usesDevelopmentDefault()).isFalse();
    }
}
