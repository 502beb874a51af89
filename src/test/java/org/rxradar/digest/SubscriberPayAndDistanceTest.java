package org.rxradar.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxradar.digest.TestItems.job;
import static org.rxradar.digest.TestItems.news;

import org.junit.jupiter.api.Test;
import org.rxradar.model.Subscriber;
import org.rxradar.model.TaggedItem;

/** The pay floor and distance of a subscriber, as the digest applies them (edges in LeadFilterTest). */
class SubscriberPayAndDistanceTest {
    @Test
    void aFloorKeepsLeadsThatReachItAndSaysPayNotStatedForTheRest() {
        SubscriberFilter floor = new SubscriberFilter(Subscriber.builder("a@example.org").minPay(22.0).build());
        TaggedItem atFloor = job("At floor").hourly(18, 22).build();
        TaggedItem below = job("Below").hourly(15, 21.99).build();
        TaggedItem annual = job("Annual").yearly(48_500, 58_000).build();
        TaggedItem unstated = job("No pay").build();
        assertThat(floor.match(atFloor)).isPresent();
        assertThat(floor.match(below)).isEmpty();
        assertThat(floor.match(annual)).isPresent();
        assertThat(floor.match(unstated).orElseThrow().reasons()).contains("pay not stated");
        assertThat(floor.match(atFloor).orElseThrow().reasons()).doesNotContain("pay not stated");

        SubscriberFilter paidOnly = new SubscriberFilter(Subscriber.builder("b@example.org").minPay(22.0).includeUnpaid(false).build());
        assertThat(paidOnly.match(unstated)).isEmpty();
        assertThat(paidOnly.match(news("Story").topics("events").build())).isPresent();
    }

    @Test
    void stateAndDistanceMayBothBeSetAndBothMustPass() {
        Subscriber s = Subscriber.builder("c@example.org").states(java.util.List.of("TX")).zip("78701").radius(30).build();
        SubscriberFilter f = new SubscriberFilter(s);
        TaggedItem austin = job("Austin").in("Austin", "TX").build();
        TaggedItem houston = job("Houston").in("Houston", "TX").build();
        // Austin's city centroid is a few miles from downtown's ZIP
        assertThat(f.match(austin).orElseThrow().reasons()).contains("TX").anyMatch(r -> r.matches("\\d mi from 78701"));
        assertThat(f.match(houston)).isEmpty();
        TaggedItem remote = job("Remote").remote().build();
        assertThat(f.match(remote)).isEmpty();
        Subscriber remoteToo = Subscriber.builder("d@example.org").zip("78701").radius(30).remote(true).build();
        assertThat(new SubscriberFilter(remoteToo).match(remote).orElseThrow().reasons()).contains("Remote");
    }

    @Test
    void theDigestEntryShowsHourlyPayAndSaysWhenPayIsNotStated() {
        Subscriber s = Subscriber.builder("e@example.org").minPay(20.0).build();
        Digest d = new DigestSelector("https://rxradar.example.org/", 30, 15).select(s, java.util.List.of(
                job("Annual").yearly(48_500, 58_000).hoursAgo(2).build(), job("Unstated").hoursAgo(3).build()),
                java.time.LocalDate.of(2026, 11, 24));
        java.util.List<DigestEntry> entries = d.jobSections().stream().flatMap(x -> x.entries().stream()).toList();
        assertThat(entries).extracting(DigestEntry::title).containsExactly("Annual", "Unstated");
        assertThat(entries.get(0).pay()).isEqualTo("$23.32\u2013$27.88/hr ($48,500\u2013$58,000/yr)");
        assertThat(entries.get(1).pay()).isNull();
        assertThat(entries.get(1).whyText()).contains("pay not stated");
    }
}
