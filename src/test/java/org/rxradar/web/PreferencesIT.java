package org.rxradar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxradar.notify.Leads.lead;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.bus.Bus;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.digest.DeliverStage;
import org.rxradar.digest.DigestLog;
import org.rxradar.digest.DigestMessageFactory;
import org.rxradar.digest.DigestRenderer;
import org.rxradar.digest.DigestSelector;
import org.rxradar.digest.DigestService;
import org.rxradar.digest.SmtpMailer;
import org.rxradar.digest.SubscriptionLog;
import org.rxradar.digest.UnsubscribeTokens;
import org.rxradar.view.FeedView;
import org.rxradar.model.NotifyTarget;
import org.rxradar.model.Subscriber;
import org.rxradar.model.TaggedItem;

/**
 * The preferences page end to end: a digest (real broker, real SMTP server) links to it; the link
 * opens the form filled with the subscriber's values; bad input is refused with the problem beside
 * its field and nothing saved; a good post is written to {@code rxradar.subscriptions}, and the next
 * digest follows it.
 */
class PreferencesIT {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @TempDir
    static Path dir;
    static Bus bus;
    static SubscriptionLog subscriptions;

    @BeforeAll
    static void broker() {
        bus = WebServer.openBus(dir);
        subscriptions = new SubscriptionLog(bus.clients());
    }

    @AfterAll
    static void stopBroker() {
        subscriptions.close();
        bus.close();
    }

    @org.junit.jupiter.api.BeforeEach
    void noSubscribers() {
        for (Subscriber s : subscriptions.all()) subscriptions.remove(s.id());
        subscriptions.awaitCaughtUp();
    }

    /** A clock the test moves from one morning to the next. */
    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>();

        MovableClock(String at) {
            now.set(Instant.parse(at));
        }

        @Override public Instant instant() { return now.get(); }
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
    }

    private static String preferencesLink(MimeMessage m) throws Exception {
        Matcher matcher = Pattern.compile("Change your preferences: (\\S+)").matcher(SubscriptionEndpointsIT.plainText(m));
        assertThat(matcher.find()).as("a preferences link in the digest").isTrue();
        return matcher.group(1);
    }

    private static String form(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (!b.isEmpty()) b.append('&');
            b.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    @Test
    void theDigestLinksToPreferencesAndAChangeThereShowsInTheNextDigest() throws Exception {
        MovableClock clock = new MovableClock("2026-11-24T08:00:00Z");
        Subscriber ana = Subscriber.builder("ana.perez@example.org").name("Ana").settings(List.of("hospital")).timezone("UTC")
                .sendAt("07:00").build();
        subscriptions.put(ana);
        subscriptions.awaitCaughtUp();
        FeedView items = new FeedView(Duration.ofDays(14), FeedView.DEFAULT_MAX_ITEMS, clock);
        TaggedItem hospital = lead("Inpatient Pharmacy Technician", "Valley Health", "Fresno", "CA", "hospital",
                Instant.parse("2026-11-23T12:00:00Z"));
        TaggedItem retail = lead("Retail Pharmacy Technician", "Corner Drug", "Austin", "TX", "retail",
                Instant.parse("2026-11-23T13:00:00Z"));
        items.put(hospital);
        items.put(retail);

        try (WebServer web = new WebServer(subscriptions, greenMail.getSmtp().getPort(), dir.resolve("outbox"));
             DigestLog digests = new DigestLog(bus.clients())) {
            DigestRenderer renderer = new DigestRenderer();
            try (DigestService service = new DigestService(new DigestSelector(web.base(), 30, 15), renderer,
                    new DigestMessageFactory("RxRadar <digest@rxradar.test>", web.base(), null, UnsubscribeTokens.withSecret(WebServer.SECRET),
                            renderer, clock),
                    new SmtpMailer(new RxRadarConfig.Smtp("127.0.0.1", greenMail.getSmtp().getPort(), false, false, "", "")), false, clock)) {
                DeliverStage stage = new DeliverStage(subscriptions, digests, items, service, clock);

                // day one: hospital leads only, and the link to the preferences
                assertThat(stage.runDue()).isEqualTo(1);
                MimeMessage first = greenMail.getReceivedMessages()[0];
                String text = SubscriptionEndpointsIT.plainText(first);
                assertThat(text).contains("Inpatient Pharmacy Technician").doesNotContain("Retail Pharmacy Technician");
                assertThat(((jakarta.mail.Multipart) first.getContent()).getBodyPart(1).getContent().toString())
                        .contains("Change your preferences");
                String link = preferencesLink(first);
                assertThat(link).startsWith(web.base() + "/preferences?token=");
                String path = link.substring(web.base().length());

                // the form, filled; the address masked
                HttpResponse<String> page = web.get(path);
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
                assertThat(page.body()).contains("a***@example.org").doesNotContain("ana.perez@example.org")
                        .contains("name=\"settings\" value=\"hospital\" checked")
                        .contains("name=\"settings\" value=\"retail\">")
                        .contains("id=\"name\" name=\"name\" value=\"Ana\"")
                        .contains("<label for=\"min-pay\">");

                // bad input: refused, each problem beside its field, the posted values kept, nothing saved
                HttpResponse<String> refused = web.post(path, "application/x-www-form-urlencoded", form(
                        "name", "Ana <b>P</b>", "settings", "retail", "min-pay", "-3", "zip", "9021", "radius", "25",
                        "timezone", "Mars/Olympus", "send-at", "07:00", "frequency", "daily", "notify-when", "digest",
                        "notify-kind", "webhook", "notify-url", "ftp://hooks.example.org/x",
                        "notify-kind", "webhook", "notify-url", web.base() + "/hooks/rx",
                        "notify-kind", "ntfy", "notify-url", ""));
                assertThat(refused.statusCode()).isEqualTo(400);
                assertThat(refused.body())
                        .contains("id=\"error\"")
                        .containsPattern("id=\"min-pay-error\">[^<]*-3\\.0[^<]*not an hourly pay")
                        .containsPattern("id=\"zip-error\">[^<]*9021[^<]*five-digit")
                        .containsPattern("id=\"timezone-error\">[^<]*Mars/Olympus")
                        .containsPattern("id=\"notify-0-error\">[^<]*ftp://hooks.example.org/x[^<]*not an http\\(s\\) URL")
                        .containsPattern("id=\"notify-1-error\">[^<]*is this RxRadar server itself")
                        .contains("value=\"Ana &lt;b&gt;P&lt;/b&gt;\"").doesNotContain("<b>P</b>")
                        .contains("name=\"settings\" value=\"retail\" checked");
                subscriptions.awaitCaughtUp();
                assertThat(subscriptions.find(ana.id()).orElseThrow()).isEqualTo(ana);

                // a good post: saved to rxradar.subscriptions
                HttpResponse<String> saved = web.post(path, "application/x-www-form-urlencoded", form(
                        "name", "Ana P", "settings", "retail", "kinds", "jobs", "states", "tx, ca", "min-pay", "18.5",
                        "include-unpaid", "true", "zip", "78701", "radius", "40", "timezone", "America/Chicago", "send-at", "02:00",
                        "frequency", "daily", "notify-when", "new-leads",
                        "notify-kind", "ntfy", "notify-url", "https://ntfy.example.org/rx-ana",
                        "notify-kind", "webhook", "notify-url", ""));
                assertThat(saved.statusCode()).isEqualTo(200);
                assertThat(saved.body()).contains("id=\"notice\"").contains("value=\"https://ntfy.example.org/rx-ana\"");
                subscriptions.awaitCaughtUp();
                Subscriber changed = subscriptions.find(ana.id()).orElseThrow();
                assertThat(changed.email()).isEqualTo("ana.perez@example.org");
                assertThat(changed.status()).isEqualTo(Subscriber.Status.CONFIRMED);
                assertThat(changed.settings()).containsExactly("retail");
                assertThat(changed.states()).containsExactly("TX", "CA");
                assertThat(changed.minPay()).isEqualTo(18.5);
                assertThat(changed.zip()).isEqualTo("78701");
                assertThat(changed.radius()).isEqualTo(40);
                assertThat(changed.timezone().getId()).isEqualTo("America/Chicago");
                assertThat(changed.sendAt().toString()).isEqualTo("02:00");
                assertThat(changed.notifyTargets()).containsExactly(NotifyTarget.of(NotifyTarget.Kind.NTFY, "https://ntfy.example.org/rx-ana"));
                assertThat(changed.notifyWhen()).isEqualTo(Subscriber.NotifyWhen.NEW_LEADS);

                // the next morning (02:00 in Chicago is 08:00 UTC): the digest follows the new settings
                clock.now.set(Instant.parse("2026-11-25T08:30:00Z"));
                assertThat(stage.runDue()).isEqualTo(1);
                greenMail.waitForIncomingEmail(10_000, 2);
                String second = SubscriptionEndpointsIT.plainText(greenMail.getReceivedMessages()[1]);
                assertThat(second).contains("Retail Pharmacy Technician").doesNotContain("Inpatient Pharmacy Technician");
            }
        }
    }

    @Test
    void aLinkThatIsNotAPreferencesTokenOpensNothing() throws Exception {
        Subscriber ben = Subscriber.builder("ben@example.org").build();
        subscriptions.put(ben);
        subscriptions.awaitCaughtUp();
        try (WebServer web = new WebServer(subscriptions, greenMail.getSmtp().getPort(), dir.resolve("outbox"))) {
            UnsubscribeTokens tokens = UnsubscribeTokens.withSecret(WebServer.SECRET);
            // an unsubscribe token is signed for another purpose
            assertThat(web.get("/preferences?token=" + tokens.tokenFor(ben.id())).statusCode()).isEqualTo(400);
            // a token signed with another secret
            String forged = UnsubscribeTokens.withSecret("another-secret-0123456789").preferencesTokenFor(ben.id());
            assertThat(web.post("/preferences?token=" + forged, "application/x-www-form-urlencoded", "settings=retail").statusCode())
                    .isEqualTo(400);
            assertThat(web.get("/preferences").statusCode()).isEqualTo(400);
            subscriptions.awaitCaughtUp();
            assertThat(subscriptions.find(ben.id()).orElseThrow().settings()).isEmpty();
            // the real one works
            assertThat(web.get("/preferences?token=" + tokens.preferencesTokenFor(ben.id())).statusCode()).isEqualTo(200);
        }
    }
}
