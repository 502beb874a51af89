package org.rxradar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rxradar.model.FieldProblem;
import org.rxradar.model.InvalidValueException;
import org.rxradar.model.Subscriber;

/** The preferences form's fields into a subscriber: what it may change and what it may not. */
class PreferencesFormTest {
    private static final String BASE = "https://rxradar.example.org";
    private final Subscriber current = Subscriber.builder("ana@example.org").name("Ana").settings(List.of("hospital"))
            .minPay(20.0).zip("78701").radius(30).build();

    private static PreferencesForm form(String body) {
        return PreferencesForm.parse(RequestFields.fromForm(body));
    }

    @Test
    void identityAndStatusAreNeverTakenFromTheForm() {
        Subscriber s = form("email=eve%40example.org&id=s-other&status=unsubscribed&settings=retail").apply(current, BASE);
        assertThat(s.id()).isEqualTo(current.id());
        assertThat(s.email()).isEqualTo("ana@example.org");
        assertThat(s.status()).isEqualTo(Subscriber.Status.CONFIRMED);
        assertThat(s.settings()).containsExactly("retail");
    }

    @Test
    void uncheckedBoxesAndEmptiedFieldsClearTheirValues() {
        Subscriber s = form("zip=&radius=30&min-pay=&frequency=daily").apply(current, BASE);
        assertThat(s.includeUnpaid()).isFalse();
        assertThat(s.remote()).isFalse();
        assertThat(s.zip()).isNull();
        assertThat(s.radius()).isNull();
        assertThat(s.minPay()).isNull();
        assertThat(s.name()).isNull();
        assertThat(s.settings()).isEmpty();
    }

    @Test
    void emptyTargetRowsAreLeftOutAndProblemsNameTheRowsThatRemain() {
        assertThatThrownBy(() -> form("notify-kind=webhook&notify-url=&notify-kind=sms&notify-url=https%3A%2F%2Fexample.org%2Fx"
                + "&notify-kind=slack&notify-url=javascript%3Aalert(1)&min-pay=abc&radius=far&zip=78701").apply(current, BASE))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.problems()).extracting(FieldProblem::field)
                        .containsExactlyInAnyOrder("min-pay", "radius", "notify[0]", "notify[1].slack"));
    }
}
