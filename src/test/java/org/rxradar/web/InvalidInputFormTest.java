package org.rxradar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Input a browser or a script can send that must not become a subscriber: an address whose bytes
 * are not UTF-8 (decoded to U+FFFD, it would be stored and mailed as something nobody typed), and
 * JSON whose keys are given twice or that goes on after the object.
 */
class InvalidInputFormTest {
    @Test
    void anAddressThatIsNotUtf8IsRefusedNamingTheField() {
        // "josé" sent as Latin-1: %E9 is not UTF-8
        assertThatThrownBy(() -> SubscriptionForm.parse(RequestFields.fromForm("email=jos%E9%40example.org")))
                .isInstanceOf(BadRequest.class)
                .satisfies(e -> assertThat(((BadRequest) e).field()).isEqualTo("email"))
                .hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> RequestFields.fromJson(new byte[] {'{', '"', 'e', 'm', 'a', 'i', 'l', '"', ':', '"', 'j', (byte) 0xE9, '@', 'x', '.', 'o',
                'r', 'g', '"', '}'}))
                .isInstanceOf(BadRequest.class).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void jsonWithAKeyTwiceOrTextAfterTheObjectIsRefused() {
        assertThatThrownBy(() -> RequestFields.fromJson("{\"email\":\"a@example.org\",\"email\":\"b@example.org\"}"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadRequest.class).hasMessageContaining("duplicate key 'email'");
        assertThatThrownBy(() -> RequestFields.fromJson("{\"email\":\"a@example.org\"} {\"email\":\"b@example.org\"}"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadRequest.class).hasMessageContaining("more text after the JSON value");
    }
}
