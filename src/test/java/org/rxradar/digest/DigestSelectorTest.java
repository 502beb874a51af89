package org.rxradar.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxradar.digest.TestItems.job;
import static org.rxradar.digest.TestItems.news;
import static org.rxradar.digest.TestItems.subscriber;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.config.SourceNames;
import org.rxradar.model.TaggedItem;

class DigestSelectorTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private final DigestSelector selector = new DigestSelector("https://rxradar.example.org/", 30, 15);

    private static List<DigestEntry> entries(List<DigestSection> sections) {
        return sections.stream().flatMap(s -> s.entries().stream()).toList();
    }

    @Test
    void aNearDuplicateClusterIsOneEntryWithEveryLinkAndEveryId() {
        TaggedItem onIndeed = job("Pharmacy Technician - Walgreens").settings("retail").source("board-a")
                .url("https://a.example.com/job/1").cluster("c1").hoursAgo(5).build();
        TaggedItem onCareers = job("Pharmacy Technician").settings("retail").source("walgreens-careers")
                .url("https://careers.example.com/123").cluster("c1").employer("Walgreens").in("Fresno", "CA").hoursAgo(2).build();
        // the same posting again (same id): counted and linked once
        TaggedItem sameUrlAgain = job("Pharmacy Technician (repost)").settings("retail").source("board-b")
                .url("https://careers.example.com/123?utm_source=x").cluster("c1").hoursAgo(9).build();
        assertThat(sameUrlAgain.id()).isEqualTo(onCareers.id());
        TaggedItem onThirdBoard = job("Pharmacy Tech").settings("retail").source("board-c")
                .url("https://c.example.net/p/77").cluster("c1").hoursAgo(7).build();
        TaggedItem other = job("IV Technician").settings("hospital").cluster("c2").build();

        Digest d = selector.select(subscriber("a").build(), List.of(onIndeed, sameUrlAgain, onCareers, onThirdBoard, other), DAY);

        assertThat(d.leadCount()).isEqualTo(2);
        DigestEntry merged = entries(d.jobSections()).stream().filter(e -> e.itemIds().size() > 1).findFirst().orElseThrow();
        assertThat(merged.itemIds()).containsExactlyInAnyOrder(onIndeed.id(), onCareers.id(), onThirdBoard.id());
        // the most detailed, newest copy leads; the others are listed with their sources
        assertThat(merged.url()).isEqualTo("https://careers.example.com/123");
        assertThat(merged.employer()).isEqualTo("Walgreens");
        assertThat(merged.links()).extracting(DigestEntry.Link::source)
                .containsExactly("walgreens-careers", "board-a", "board-c");
        assertThat(merged.otherLinks()).extracting(DigestEntry.Link::url)
                .containsExactlyInAnyOrder("https://a.example.com/job/1", "https://c.example.net/p/77");
        assertThat(d.itemIds()).containsExactlyInAnyOrder(onIndeed.id(), onCareers.id(), onThirdBoard.id(), other.id());
    }

    @Test
    void copiesOfAMatchedClusterComeAlongEvenWhenTheyLackTheMatchedFields() {
        TaggedItem withState = job("IV Technician").settings("hospital").in("Fresno", "CA").cluster("c9")
                .url("https://careers.example.com/9").source("careers").build();
        TaggedItem withoutState = job("IV Tech").settings("hospital").cluster("c9")
                .url("https://board.example.com/9").source("board").build();
        TaggedItem irrelevantCopy = job("IV Tech (pharmacist)").settings("hospital").cluster("c9").irrelevant()
                .url("https://other.example.com/9").build();
        TaggedItem elsewhere = job("Tech in Texas").settings("hospital").in("Austin", "TX").cluster("c10").build();

        Digest d = selector.select(subscriber("a").states("CA").build(),
                List.of(withoutState, withState, irrelevantCopy, elsewhere), DAY);

        assertThat(d.leadCount()).isEqualTo(1);
        DigestEntry e = entries(d.jobSections()).get(0);
        assertThat(e.title()).isEqualTo("IV Technician");
        assertThat(e.links()).extracting(DigestEntry.Link::source).containsExactly("careers", "board");
        assertThat(d.itemIds()).containsExactlyInAnyOrder(withState.id(), withoutState.id());
    }

    @Test
    void leadsAreGroupedBySettingInTheSubscribersOrderAndNewsByTopic() {
        List<TaggedItem> items = List.of(
                job("Retail Tech").settings("retail").build(),
                job("Inpatient Tech").settings("hospital").build(),
                job("Hospital outpatient retail").settings("retail", "hospital").build(),
                news("USP 800 deadline").topics("hazardous-drugs").build(),
                news("Tech wages rise").topics("workforce").build());
        Digest d = selector.select(subscriber("a").settings("hospital", "retail").build(), items, DAY);

        assertThat(d.jobSections()).extracting(DigestSection::id).containsExactly("hospital", "retail");
        assertThat(d.jobSections().get(0).entries()).extracting(DigestEntry::title)
                .containsExactlyInAnyOrder("Inpatient Tech", "Hospital outpatient retail");
        assertThat(d.newsSections()).extracting(DigestSection::label).containsExactly("Hazardous drugs", "Workforce");
    }

    @Test
    void leadsAreRankedByFitThenRecency() {
        List<TaggedItem> items = List.of(
                job("Old strong").settings("hospital").score("hospital", 2.5).hoursAgo(48).build(),
                job("New weak").settings("hospital").score("hospital", 0.5).hoursAgo(1).build(),
                job("New medium").settings("hospital").score("hospital", 1.0).hoursAgo(0).build(),
                job("Old medium").settings("hospital").score("hospital", 1.0).hoursAgo(30).build());
        Digest d = selector.select(subscriber("a").settings("hospital").build(), items, DAY);
        assertThat(entries(d.jobSections())).extracting(DigestEntry::title)
                .containsExactly("Old strong", "New medium", "Old medium", "New weak");
    }

    @Test
    void capsKeepTheBestAndLinkToTheFullFeed() {
        List<TaggedItem> items = new ArrayList<>();
        for (int i = 0; i < 12; i++) items.add(job("Hospital tech " + i).settings("hospital").hoursAgo(i).build());
        for (int i = 0; i < 7; i++) items.add(news("Story " + i).topics("regulation").hoursAgo(i).build());
        DigestSelector small = new DigestSelector("https://rxradar.example.org", 5, 3);

        Digest oneSetting = small.select(subscriber("a").settings("hospital").topics("regulation").build(), items, DAY);
        assertThat(oneSetting.leadCount()).isEqualTo(5);
        assertThat(oneSetting.matchedLeads()).isEqualTo(12);
        assertThat(oneSetting.leadsCapped()).isTrue();
        assertThat(entries(oneSetting.jobSections())).extracting(DigestEntry::title)
                .containsExactly("Hospital tech 0", "Hospital tech 1", "Hospital tech 2", "Hospital tech 3", "Hospital tech 4");
        assertThat(oneSetting.newsCount()).isEqualTo(3);
        assertThat(oneSetting.itemIds()).hasSize(8);
        assertThat(oneSetting.jobsFeedUrl()).isEqualTo("https://rxradar.example.org/feeds/settings/hospital.atom");
        assertThat(oneSetting.newsFeedUrl()).isEqualTo("https://rxradar.example.org/feeds/topics/regulation.atom");

        Digest all = small.select(subscriber("b").build(), items, DAY);
        assertThat(all.jobsFeedUrl()).isEqualTo("https://rxradar.example.org/feeds/jobs.atom");
        assertThat(all.newsFeedUrl()).isEqualTo("https://rxradar.example.org/feeds/news.atom");
    }

    @Test
    void anEitherOrRequirementReadsAsOneRequirement() {
        TaggedItem lead = job("Pharmacy Technician").settings("retail").certAnyOf(true, "PTCB-CPhT", "NHA-ExCPT")
                .cert("STATE-LICENSE", true).cert("CSPT", false).build();
        DigestEntry e = entries(selector.select(subscriber("a").build(), List.of(lead), DAY).jobSections()).get(0);
        assertThat(e.certifications()).isEqualTo("Required: PTCB CPhT or NHA ExCPT, State license \u00b7 Preferred: CSPT");
    }

    @Test
    void sourcesReadAsTheirConfiguredNamesAndUnnamedOnesAsTheirIds() {
        SourceNames names = SourceNames.of(List.of(
                new RxRadarConfig.Source("sample-health-system-careers-rss", "rss", "job", "https://careers.example.org/rss",
                        null, "Sample Health System careers", null, null),
                new RxRadarConfig.Source("board-a", "rss", "job", "https://a.example.com/rss", null, " ", null, null)));
        DigestSelector named = new DigestSelector("https://rxradar.example.org/", 30, 15, names);
        TaggedItem onCareers = job("Pharmacy Technician").settings("retail").source("sample-health-system-careers-rss")
                .url("https://careers.example.org/1").cluster("c1").employer("Sample Health").hoursAgo(2).build();
        TaggedItem onBoard = job("Pharmacy Technician").settings("retail").source("board-a")
                .url("https://a.example.com/1").cluster("c1").hoursAgo(5).build();
        DigestEntry e = entries(named.select(subscriber("a").build(), List.of(onCareers, onBoard), DAY).jobSections()).get(0);
        assertThat(e.source()).isEqualTo("Sample Health System careers");
        assertThat(e.links()).extracting(DigestEntry.Link::source).containsExactly("Sample Health System careers", "board-a");
    }

    @Test
    void entriesCarryTheDisplayFields() {
        TaggedItem lead = job("Certified Pharmacy Technician").settings("hospital").employer("Valley Medical Center")
                .in("Fresno", "CA").hourly(18.5, 22).cert("PTCB-CPhT", true).cert("CSPT", false)
                .employment("FULL_TIME").shift("NIGHT", "WEEKEND").source("valley-careers")
                .published(java.time.Instant.parse("2026-11-23T03:00:00Z")).build();
        Digest d = selector.select(subscriber("a").timezone("America/Los_Angeles").settings("hospital").build(), List.of(lead), DAY);
        DigestEntry e = entries(d.jobSections()).get(0);
        assertThat(e.place()).isEqualTo("Fresno, CA");
        assertThat(e.pay()).isEqualTo("$18.50\u2013$22.00/hr");
        assertThat(e.certifications()).isEqualTo("Required: PTCB CPhT \u00b7 Preferred: CSPT");
        assertThat(e.employment()).isEqualTo("Full-time");
        assertThat(e.shift()).isEqualTo("Night, Weekend");
        // 03:00 UTC on the 23rd is still the 22nd in California
        assertThat(e.posted()).isEqualTo("Sun 22 Nov");
        assertThat(e.why()).containsExactly("Hospital");
    }

    @Test
    void unsafeLinksAreDropped() {
        TaggedItem evil = job("Tech").url("javascript:alert(1)").build();
        Digest d = selector.select(subscriber("a").build(), List.of(evil), DAY);
        DigestEntry e = entries(d.jobSections()).get(0);
        assertThat(e.url()).isNull();
        assertThat(e.links()).isEmpty();
        assertThat(d.itemIds()).containsExactly(evil.id());
    }

    @Test
    void nothingMatchingIsAnEmptyDigest() {
        Digest d = selector.select(subscriber("a").settings("nuclear").kinds("jobs").build(),
                List.of(job("Retail Tech").settings("retail").build(), news("Story").build()), DAY);
        assertThat(d.isEmpty()).isTrue();
        assertThat(d.itemIds()).isEmpty();
    }
}
