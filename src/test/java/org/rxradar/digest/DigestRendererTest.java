package org.rxradar.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxradar.digest.TestItems.job;
import static org.rxradar.digest.TestItems.news;
import static org.rxradar.digest.TestItems.subscriber;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rxradar.model.TaggedItem;

class DigestRendererTest {
    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);
    private final DigestSelector selector = new DigestSelector("https://rxradar.example.org", 30, 15);
    private final DigestRenderer renderer = new DigestRenderer();

    private RenderedDigest render(List<TaggedItem> items) {
        Digest d = selector.select(subscriber("a").build(), items, TUESDAY);
        return renderer.render(d, "https://rxradar.example.org/unsubscribe?token=abc.def");
    }

    @Test
    void aLeadShowsEveryField() {
        RenderedDigest r = render(List.of(job("Certified Pharmacy Technician").settings("hospital")
                .employer("Valley Medical Center").in("Fresno", "CA").hourly(18.5, 22)
                .cert("PTCB-CPhT", true).cert("CSPT", false).shift("NIGHT").source("valley-careers")
                .url("https://careers.valley.example/jobs/9?x=1&y=2").build()));
        for (String body : List.of(r.text(), r.html())) {
            assertThat(body).contains("Certified Pharmacy Technician", "Valley Medical Center", "Fresno, CA",
                    "$18.50\u2013$22.00/hr", "Required: PTCB CPhT", "Preferred: CSPT", "Night", "Posted Mon 23 Nov",
                    "valley-careers", "Why you got this: Hospital", "Hospital");
        }
        assertThat(r.html()).contains("href=\"https://careers.valley.example/jobs/9?x=1&amp;y=2\"");
        assertThat(r.text()).contains("https://careers.valley.example/jobs/9?x=1&y=2");
        assertThat(r.html()).contains("href=\"https://rxradar.example.org/unsubscribe?token=abc.def\"");
        assertThat(r.text()).contains("Unsubscribe: https://rxradar.example.org/unsubscribe?token=abc.def");
        assertThat(r.subject()).isEqualTo("RxRadar \u2014 Tue 24 Nov: 1 lead, 0 news");
    }

    @Test
    void newsShowsTitleSourceAndAOneLineSummary() {
        String longSummary = "<p>The board <b>approved</b> new ratio rules.</p>\n\n<p>" + "More detail. ".repeat(40) + "</p>";
        RenderedDigest r = render(List.of(news("Board approves technician ratio change").topics("regulation")
                .source("pharmacy-times").summary(longSummary).build()));
        assertThat(r.text()).contains("Board approves technician ratio change", "pharmacy-times",
                "The board approved new ratio rules. More detail.", "\u2026", "== Regulation ==");
        assertThat(r.html()).doesNotContain("<b>approved</b>");
        assertThat(r.subject()).isEqualTo("RxRadar \u2014 Tue 24 Nov: 0 leads, 1 news");
    }

    @Test
    void hostileItemTextIsEscapedAndNothingRemoteIsLoaded() {
        RenderedDigest r = render(List.of(
                job("<script>alert('x')</script>Tech").employer("<img src=http://evil.example/t.gif>Acme")
                        .source("\"><a href=javascript:alert(1)>").settings("retail").build(),
                news("News <img src=http://tracker.example/p.png>").summary("<script>steal()</script>plain words")
                        .url("javascript:alert(2)").build()));
        String html = r.html();
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img")
                .doesNotContainIgnoringCase("<a href=javascript").doesNotContain("href=\"javascript");
        // item text is shown, escaped
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;Tech");
        assertThat(html).contains("&lt;img src=http://evil.example/t.gif&gt;Acme");
        assertThat(html).contains("&quot;&gt;&lt;a href=javascript:alert(1)&gt;");
        // every link is ours or the item's own http(s) link; no attribute loads anything
        Matcher hrefs = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        int links = 0;
        while (hrefs.find()) {
            links++;
            assertThat(hrefs.group(1)).startsWith("https://");
        }
        assertThat(links).isGreaterThanOrEqualTo(2);
        assertThat(html).doesNotContainPattern("(?i)<[a-z][^>]*\\ssrc=");
        assertThat(r.text()).contains("plain words").doesNotContain("steal()");
    }

    @Test
    void cappedDigestsLinkToTheFullFeed() {
        DigestSelector small = new DigestSelector("https://rxradar.example.org", 1, 1);
        Digest d = small.select(subscriber("a").settings("retail").build(), List.of(
                job("A").settings("retail").build(), job("B").settings("retail").build()), TUESDAY);
        RenderedDigest r = renderer.render(d, "https://x/unsubscribe");
        assertThat(r.html()).contains("href=\"https://rxradar.example.org/feeds/settings/retail.atom\"", "All 2 matching leads");
        assertThat(r.text()).contains("All 2 matching leads: https://rxradar.example.org/feeds/settings/retail.atom");
    }

    @Test
    void htmlIsPhoneFriendly() {
        String html = render(List.of(job("Tech").build())).html();
        assertThat(html).contains("name=\"viewport\"", "max-width:600px").doesNotContain("<style").doesNotContain("<link");
    }
}
