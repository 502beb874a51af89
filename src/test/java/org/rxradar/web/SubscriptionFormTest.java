package org.rxradar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rxradar.model.Subscriber;

class SubscriptionFormTest {
    @Test
    void aFullFormBecomesAPendingSubscriber() {
        SubscriptionForm f = SubscriptionForm.parse(RequestFields.fromForm(
                "email=+tech%40example.org+&name=Kim&settings=hospital&settings=Retail&topics=regulation%2Ccareer"
                        + "&kinds=news&states=tx&states=TX&states=ca&remote=on&timezone=America%2FDenver&send-at=06%3A05%3A00&frequency=Weekly"));
        Subscriber s = f.toSubscriber("pending");
        assertThat(s.email()).isEqualTo("tech@example.org");
        assertThat(s.id()).isEqualTo(Subscriber.idFor("tech@example.org"));
        assertThat(s.settings()).containsExactly("hospital", "retail");
        assertThat(s.topics()).containsExactly("regulation", "career");
        assertThat(s.kinds()).containsExactly("news");
        assertThat(s.states()).containsExactly("TX", "CA");
        assertThat(s.remote()).isTrue();
        assertThat(s.timezone()).isEqualTo(java.time.ZoneId.of("America/Denver"));
        assertThat(s.sendAt()).isEqualTo(java.time.LocalTime.of(6, 5));
        assertThat(s.frequency()).isEqualTo(org.rxradar.model.Frequency.parse("weekly"));
        assertThat(s.status()).isEqualTo(org.rxradar.model.Subscriber.Status.PENDING);
    }

    @Test
    void onlyTheEmailIsRequired() {
        SubscriptionForm f = SubscriptionForm.parse(Map.of("email", List.of("x@example.org")));
        assertThat(f.settings()).isEmpty();
        assertThat(f.timezone()).isEqualTo("UTC");
        assertThat(f.sendAt()).isEqualTo("07:00");
        assertThat(f.frequency()).isEqualTo("daily");
        assertThatThrownBy(() -> SubscriptionForm.parse(Map.of())).isInstanceOf(BadRequest.class).hasMessage("email: missing");
    }

    @Test
    void problemsNameTheFieldAndEchoLittle() {
        assertThatThrownBy(() -> SubscriptionForm.parse(Map.of("email", List.of("a@example.org", "b@example.org"))))
                .isInstanceOf(BadRequest.class).hasMessageContaining("one value");
        assertThatThrownBy(() -> SubscriptionForm.parse(Map.of("email", List.of("x@example.org"), "name", List.of("a\u0007b"))))
                .hasMessageContaining("control characters");
        BadRequest e = org.junit.jupiter.api.Assertions.assertThrows(BadRequest.class, () -> SubscriptionForm.parse(
                Map.of("email", List.of("x@example.org"), "settings", List.of("z".repeat(5000)))));
        assertThat(e.field()).isEqualTo("settings");
        assertThat(e.getMessage()).hasSizeLessThan(400);
        assertThatThrownBy(() -> RequestFields.fromForm("email=%zz")).isInstanceOf(BadRequest.class).hasMessageContaining("URL-encoded");
        assertThatThrownBy(() -> RequestFields.fromJson("{\"settings\":[{\"a\":1}]}".getBytes()))
                .isInstanceOf(BadRequest.class).hasMessageContaining("settings");
    }

    @Test
    void payFloorAndDistanceComeFromTheFormAndAreCheckedByTheSubscriber() {
        Subscriber s = SubscriptionForm.parse(Map.of("email", List.of("z@example.org"), "min-pay", List.of("$21.50"),
                "include-unpaid", List.of("false"), "zip", List.of("10001"), "radius", List.of("30"))).toSubscriber("pending");
        assertThat(s.minPay()).isEqualTo(21.5);
        assertThat(s.includeUnpaid()).isFalse();
        assertThat(s.zip()).isEqualTo("10001");
        assertThat(s.radius()).isEqualTo(30);
        assertThatThrownBy(() -> SubscriptionForm.parse(Map.of("email", List.of("z@example.org"), "zip", List.of("00000"))))
                .isInstanceOfSatisfying(BadRequest.class, e -> assertThat(e.field()).isEqualTo("zip"));
        assertThatThrownBy(() -> SubscriptionForm.parse(Map.of("email", List.of("z@example.org"), "min-pay", List.of("-2"))))
                .isInstanceOfSatisfying(BadRequest.class, e -> assertThat(e.field()).isEqualTo("min-pay"));
    }
}
