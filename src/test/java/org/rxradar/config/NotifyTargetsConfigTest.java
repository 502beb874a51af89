package org.rxradar.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rxradar.model.NotifyTarget;
import org.rxradar.model.Subscriber;

/** A subscriber's notify targets in the config file: read as written, and bad ones named by their key. */
class NotifyTargetsConfigTest {

    @Test
    void targetsAndNotifyWhenAreReadAsWritten() {
        RxRadarConfig c = ConfigLoader.parse("""
                subscribers:
                  - email: ana@example.org
                    notify-when: new-leads
                    notify:
                      - webhook: https://example.org/hook
                      - ntfy: https://ntfy.sh/my-topic
                      - slack: https://hooks.slack.com/services/T0/B0/x
                      - discord: https://discord.com/api/webhooks/1/x
                """, Map.of());
        Subscriber s = c.subscribers().get(0);
        assertThat(s.notifyWhen()).isEqualTo(Subscriber.NotifyWhen.NEW_LEADS);
        assertThat(s.notifyTargets()).extracting(NotifyTarget::kind).containsExactly(NotifyTarget.Kind.WEBHOOK,
                NotifyTarget.Kind.NTFY, NotifyTarget.Kind.SLACK, NotifyTarget.Kind.DISCORD);
    }

    @Test
    void aTargetThatIsNotHttpIsAnErrorNamingItsKey() {
        assertThatThrownBy(() -> ConfigLoader.parse("""
                subscribers:
                  - email: ana@example.org
                    notify:
                      - ntfy: https://ntfy.sh/ok
                      - webhook: ftp://example.org/hook
                """, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("subscribers[0].notify[1].webhook")
                .hasMessageContaining("'ftp://example.org/hook' is not an http(s) URL");
    }

    @Test
    void aTargetAtTheServersOwnAddressIsAnErrorNamingItsKey() {
        assertThatThrownBy(() -> ConfigLoader.parse("""
                http:
                  base-url: https://rxradar.example.org
                subscribers:
                  - email: ana@example.org
                    notify:
                      - slack: https://hooks.slack.com/services/T0/B0/x
                      - webhook: https://RXRADAR.example.org:443/subscriptions
                """, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("subscribers[0].notify[1].webhook")
                .hasMessageContaining("is this RxRadar server itself");
    }

    @Test
    void loopbackNamesOfTheServersOwnPortAreTheServerToo() {
        NotifyTarget t = NotifyTarget.of(NotifyTarget.Kind.WEBHOOK, "http://127.0.0.1:47311/hook");
        assertThat(t.pointsAt("http://localhost:47311")).isTrue();
        assertThat(t.pointsAt("http://localhost:47312")).isFalse();
        assertThat(t.pointsAt("https://rxradar.example.org")).isFalse();
        assertThat(NotifyTarget.of(NotifyTarget.Kind.NTFY, "https://rxradar.example.org/topic").pointsAt("https://rxradar.example.org/"))
                .isTrue();
    }
}
