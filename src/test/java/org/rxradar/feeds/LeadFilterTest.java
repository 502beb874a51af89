package org.rxradar.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rxradar.model.Kind;

class LeadFilterTest {
    @Test
    void theFormsQueryBecomesAFeedQueryAndShareableLinks() {
        LeadFilter f = LeadFilter.parse("kind=job&setting=long-term-care&topic=&state=ok");
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
        LeadFilter f = LeadFilter.parse(null);
        assertThat(f.isFiltered()).isFalse();
        assertThat(f.query().kind()).isEqualTo(Kind.JOB);
        assertThat(f.subscribeUrl()).isEqualTo("/subscriptions?kinds=jobs");
        assertThat(LeadFilter.parse("kind=all").query().kind()).isNull();
        assertThat(LeadFilter.parse("kind=all").subscribeUrl()).isEqualTo("/subscriptions");
    }

    @Test
    void aBadValueIsDroppedWithAProblemNamingItsFieldAndTheRestStillApplies() {
        LeadFilter f = LeadFilter.parse("setting=spaceport&state=TX&colour=blue&topic=%ZZ");
        assertThat(f.setting()).isEmpty();
        assertThat(f.state()).isEqualTo("TX");
        assertThat(f.problems()).anySatisfy(p -> assertThat(p).startsWith("setting: 'spaceport'"))
                .anySatisfy(p -> assertThat(p).startsWith("colour:"))
                .anySatisfy(p -> assertThat(p).contains("percent-encoding"));
        assertThat(LeadFilter.parse("state=Texas").problems()).singleElement().asString().startsWith("state: 'TEXAS'");
    }
}
