package org.rxradar.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rxradar.model.Kind;

class FrontPageFilterTest {
    @Test
    void theFormsQueryBecomesAFeedQueryAndShareableLinks() {
        FrontPageFilter f = FrontPageFilter.parse("kind=job&setting=long-term-care&topic=&state=ok");
        assertThat(f.problems()).isEmpty();
        assertThat(f.query().kind()).isEqualTo(Kind.JOB);
        assertThat(f.query().settings()).containsExactly("long-term-care");
        assertThat(f.query().topics()).isEmpty();
        assertThat(f.query().states()).isEqualTo(Set.of("OK"));
        assertThat(f.describe()).isEqualTo("Long-term care job leads in OK");
        assertThat(f.pageUrl()).isEqualTo("/?setting=long-term-care&state=OK");
        assertThat(f.feedUrl()).isEqualTo("/feeds/all.atom?kind=job&settings=long-term-care&state=OK");
        assertThat(f.subscribeUrl()).isEqualTo("/subscriptions?kinds=jobs&settings=long-term-care&states=OK");
    }

    @Test
    void noQueryMeansTheLatestJobLeads() {
        FrontPageFilter f = FrontPageFilter.parse(null);
        assertThat(f.isFiltered()).isFalse();
        assertThat(f.query().kind()).isEqualTo(Kind.JOB);
        assertThat(f.subscribeUrl()).isEqualTo("/subscriptions?kinds=jobs");
        assertThat(FrontPageFilter.parse("kind=all").query().kind()).isNull();
        assertThat(FrontPageFilter.parse("kind=all").subscribeUrl()).isEqualTo("/subscriptions");
    }

    @Test
    void aBadValueIsDroppedWithAProblemNamingItsFieldAndTheRestStillApplies() {
        FrontPageFilter f = FrontPageFilter.parse("setting=spaceport&state=TX&colour=blue&topic=%ZZ");
        assertThat(f.setting()).isEmpty();
        assertThat(f.state()).isEqualTo("TX");
        assertThat(f.problems()).anySatisfy(p -> assertThat(p).startsWith("setting: 'spaceport'"))
                .anySatisfy(p -> assertThat(p).startsWith("colour:"))
                .anySatisfy(p -> assertThat(p).contains("percent-encoding"));
        assertThat(FrontPageFilter.parse("state=Texas").problems()).singleElement().asString().startsWith("state: 'TEXAS'");
    }

    @Test
    void payFloorAndDistanceTravelIntoTheQueryTheFeedAndTheSubscribeForm() {
        FrontPageFilter f = FrontPageFilter.parse("setting=hospital&min-pay=21.50&near=78701&radius=25&include-unpaid=false");
        assertThat(f.problems()).isEmpty();
        assertThat(f.isFiltered()).isTrue();
        assertThat(f.query().leads().minPay()).isEqualTo(21.5);
        assertThat(f.query().leads().near()).isEqualTo("78701");
        assertThat(f.query().leads().includeUnpaid()).isFalse();
        assertThat(f.feedUrl()).contains("settings=hospital", "min-pay=21.5", "near=78701", "radius=25", "include-unpaid=false");
        assertThat(f.subscribeUrl()).contains("min-pay=21.5", "zip=78701", "radius=25");
        assertThat(f.describe()).contains("within 25 miles of 78701");
    }

    @Test
    void aBadPayOrZipIsDroppedAloneWithItsProblem() {
        FrontPageFilter f = FrontPageFilter.parse("state=TX&min-pay=-4&near=00000&radius=25");
        assertThat(f.state()).isEqualTo("TX");
        assertThat(f.leads().minPay()).isNull();
        assertThat(f.leads().near()).isNull();
        assertThat(f.problems()).anySatisfy(p -> assertThat(p).startsWith("min-pay:"))
                .anySatisfy(p -> assertThat(p).startsWith("near:"));
    }
}
