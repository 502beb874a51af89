package org.rxradar.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriberTest {

    @Test
    void writtenValuesBecomeTypedOnesWithDefaults() {
        Subscriber s = Subscriber.builder("ana@example.org").timezone("America/Chicago").sendAt("06:30")
                .frequency("weekly:fri").status("pending").build();
        assertThat(s.timezone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(s.sendAt()).isEqualTo(LocalTime.of(6, 30));
        assertThat(s.frequency().weeklyOn()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(s.status()).isEqualTo(Subscriber.Status.PENDING);
        assertThat(s.includeUnpaid()).isTrue();
        assertThat(s.notifyWhen()).isEqualTo(Subscriber.NotifyWhen.DIGEST);
        assertThat(s.id()).isEqualTo(Subscriber.idFor("ana@example.org"));

        Subscriber defaults = Subscriber.builder("bo@example.org").build();
        assertThat(defaults.timezone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(defaults.sendAt()).isEqualTo(LocalTime.of(7, 0));
        assertThat(defaults.frequency().daily()).isTrue();
        assertThat(defaults.confirmed()).isTrue();
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        assertThatThrownBy(() -> Subscriber.builder("not an address").timezone("Mars/Olympus").sendAt("7am")
                .frequency("fortnightly").status("maybe").settings(List.of("hospitals")).minPay(-3.0).zip("123")
                .notifyWhen("hourly").notifyTargets(List.of(NotifyTarget.of(NotifyTarget.Kind.SLACK, "ftp://x.example.org/")))
                .build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.problems()).extracting(FieldProblem::field)
                        .contains("email", "timezone", "send-at", "frequency", "status", "settings", "min-pay", "zip",
                                "notify-when", "notify[0].slack"));
    }

    @Test
    void distanceNeedsAZipAndARadiusInRange() {
        assertThat(Subscriber.builder("c@example.org").zip("60601").build().radius()).isEqualTo(Subscriber.DEFAULT_RADIUS);
        assertThatThrownBy(() -> Subscriber.builder("c@example.org").radius(25).build()).hasMessageContaining("radius");
        assertThatThrownBy(() -> Subscriber.builder("c@example.org").zip("60601").radius(0).build()).hasMessageContaining("radius");
        assertThat(Subscriber.builder("c@example.org").zip("60601").radius(Subscriber.MAX_RADIUS).build().radius())
                .isEqualTo(Subscriber.MAX_RADIUS);
        assertThat(Subscriber.builder("c@example.org").minPay(0.0).build().minPay()).isZero();
    }

    @Test
    void aNotifyTargetNamesExactlyOneHttpPlace() {
        assertThat(new NotifyTarget(null, "https://ntfy.sh/rx", null, null).problems()).isEmpty();
        assertThat(new NotifyTarget(null, null, null, null).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("names no target"));
        assertThat(new NotifyTarget("https://a.example.org", "https://ntfy.sh/rx", null, null).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("2 targets"));
        assertThat(new NotifyTarget(null, null, null, "https://user:pw@discord.example.org/x").problems()).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("discord"));
    }

    @Test
    void theJsonFormIsTheWrittenFormAndReadsBack() throws Exception {
        Subscriber s = Subscriber.builder("dee@example.org").timezone("Europe/Paris").frequency("weekly:monday")
                .minPay(21.5).zip("02139").radius(30).notifyWhen("new-leads")
                .notifyTargets(List.of(NotifyTarget.of(NotifyTarget.Kind.NTFY, "https://ntfy.sh/rx"))).build();
        String json = Json.text(s);
        assertThat(json).contains("\"timezone\":\"Europe/Paris\"", "\"sendAt\":\"07:00\"", "\"frequency\":\"weekly:monday\"",
                "\"status\":\"confirmed\"", "\"notifyWhen\":\"new-leads\"", "\"notify\":[{\"ntfy\":\"https://ntfy.sh/rx\"}]");
        assertThat(Json.read(json, Subscriber.class)).isEqualTo(s);
        // a record from before these fields existed still reads
        Subscriber old = Json.read("{\"id\":\"s-1\",\"email\":\"old@example.org\",\"timezone\":\"UTC\",\"sendAt\":\"08:00\","
                + "\"frequency\":\"daily\",\"status\":\"unsubscribed\"}", Subscriber.class);
        assertThat(old.status()).isEqualTo(Subscriber.Status.UNSUBSCRIBED);
        assertThat(old.notifyTargets()).isEmpty();
    }
}
