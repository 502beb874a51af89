package org.rxradar.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxradar.notify.Leads.lead;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.rxradar.model.Json;
import org.rxradar.model.NotifyTarget;
import org.rxradar.model.TaggedItem;

/** What each kind of target receives for an alert, checked on the bytes a target would get. */
class PayloadsTest {
    private static final String SECRET = "payload-test-secret-0123456789";
    private static final Instant NOW = Instant.parse("2026-11-24T13:00:00Z");
    private final Payloads payloads = new Payloads(new Signature(SECRET));

    private static Alert alert(List<TaggedItem> leads) {
        return new Alert("s-0123456789abcdef", "Ana", Alert.NEW_LEADS, leads);
    }

    @Test
    void webhookBodyCarriesTheTaggedItemsAndNoEmailAndIsSignedOverItsExactBytes() throws Exception {
        Payloads.Request r = payloads.build(NotifyTarget.Kind.WEBHOOK, alert(List.of(lead("Inpatient Pharmacy Technician"))), NOW);
        JsonNode body = Json.tree(r.body());
        assertThat(body.get("event").asText()).isEqualTo("new-leads");
        assertThat(body.get("subscriber").get("id").asText()).isEqualTo("s-0123456789abcdef");
        assertThat(body.get("subscriber").has("email")).isFalse();
        assertThat(body.get("items").get(0).get("title").asText()).isEqualTo("Inpatient Pharmacy Technician");
        assertThat(body.get("items").get(0).get("settings").get(0).asText()).isEqualTo("hospital");
        assertThat(r.contentType()).isEqualTo("application/json");

        // what a receiver does: HMAC-SHA256 of the raw body with the shared secret
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(r.body()));
        assertThat(r.headers()).containsEntry("X-RxRadar-Signature", expected);
    }

    @Test
    void ntfyGetsPlainTextWithTitleClickAndTags() {
        TaggedItem a = lead("Pharmacy Technician I");
        Payloads.Request r = payloads.build(NotifyTarget.Kind.NTFY, alert(List.of(a, lead("IV Technician"))), NOW);
        String text = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("Pharmacy Technician I\nValley Health \u00b7 Fresno, CA \u00b7 $19.00\u2013$23.50/hr\n" + a.url());
        assertThat(text).contains("IV Technician");
        assertThat(r.headers()).containsEntry("Title", "RxRadar: 2 new job leads").containsEntry("Click", a.url())
                .containsEntry("Tags", "pill");
        assertThat(r.contentType()).startsWith("text/plain");
    }

    @Test
    void slackTextLinksTitlesAndEscapesItsControlCharacters() throws Exception {
        TaggedItem a = lead("Tech <b>I</b> & II", "A&B <Pharmacy>", "Fresno", "CA", "hospital", NOW);
        Payloads.Request r = payloads.build(NotifyTarget.Kind.SLACK, alert(List.of(a)), NOW);
        String text = Json.tree(r.body()).get("text").asText();
        assertThat(text).contains("<" + a.url() + "|Tech &lt;b&gt;I&lt;/b&gt; &amp; II>");
        assertThat(text).contains("A&amp;B &lt;Pharmacy&gt;");
        assertThat(text).doesNotContain("<b>");
    }

    @Test
    void discordContentStaysWithinTwoThousandCharactersAndCountsWhatIsLeftOut() throws Exception {
        List<TaggedItem> many = new ArrayList<>();
        IntStream.range(0, 40).forEach(i -> many.add(lead("Certified Pharmacy Technician with a rather long title number " + i
                + " ".repeat(3) + "x".repeat(100), "Employer " + i, "Fresno", "CA", "hospital", NOW)));
        Payloads.Request r = payloads.build(NotifyTarget.Kind.DISCORD, alert(many), NOW);
        JsonNode body = Json.tree(r.body());
        String content = body.get("content").asText();
        assertThat(content.length()).isLessThanOrEqualTo(2000);
        assertThat(content).containsPattern("\u2026and \\d+ more$");
        assertThat(content).contains("](<" + many.get(0).url() + ">)");
        assertThat(body.get("allowed_mentions").get("parse").size()).isZero();
    }

    @Test
    void discordEscapesMarkdownAndMentionsInTitles() {
        assertThat(Payloads.discordEscape("[x](http://evil) @everyone *b*")).isEqualTo("\\[x\\]\\(http://evil\\) \\@everyone \\*b\\*");
    }
}
