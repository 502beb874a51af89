package org.rxradar.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.bus.Bus;
import org.rxradar.model.Subscriber;
import org.rxradar.digest.SubscriptionLog;
import org.rxradar.model.Json;
import org.rxradar.web.server.LogCapture;

/**
 * The subscription endpoints against a real HTTP server, a real embedded broker (the
 * subscriptions topic) and a real SMTP server (GreenMail): subscribe, confirm, unsubscribe, and
 * every refusal (bad input, forged links, rate limits) with its message.
 */
class SubscriptionEndpointsIT {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @TempDir
    static Path dir;
    static Bus bus;
    static SubscriptionLog subscriptions;
    WebServer web;

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

    @BeforeEach
    void server() {
        web = new WebServer(subscriptions, greenMail.getSmtp().getPort(), dir.resolve("outbox"));
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private MimeMessage[] mailsAfterQueue(int expected) throws Exception {
        assertThat(web.service.awaitMailsSent(Duration.ofSeconds(20))).isTrue();
        if (expected > 0) greenMail.waitForIncomingEmail(10_000, expected);
        return greenMail.getReceivedMessages();
    }

    static String plainText(MimeMessage m) throws Exception {
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) m.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType("text/plain")) return (String) parts.getBodyPart(i).getContent();
        }
        throw new AssertionError("no text/plain part");
    }

    static String link(MimeMessage m, String path) throws Exception {
        Matcher matcher = Pattern.compile(Pattern.quote(path) + "\\?token=[A-Za-z0-9%._-]+").matcher(plainText(m));
        assertThat(matcher.find()).as("a %s link in the mail", path).isTrue();
        return matcher.group();
    }

    @Test
    void formSubscriptionIsPendingUntilTheMailedLinkIsOpened() throws Exception {
        HttpResponse<String> r = web.postForm("email=ana%40example.org&name=Ana+P%C3%A9rez&settings=hospital&settings=compounding"
                + "&topics=certification&kinds=jobs&states=tx&states=OK&remote=true&timezone=America%2FChicago&send-at=06%3A30");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(r.body()).contains("id=\"notice\"").contains("Check your inbox").contains("ana@example.org");

        subscriptions.awaitCaughtUp();
        Subscriber pending = subscriptions.find("ana@example.org").orElseThrow();
        assertThat(pending.status().text()).isEqualTo("pending");
        assertThat(pending.name()).isEqualTo("Ana Pérez");
        assertThat(pending.settings()).containsExactly("hospital", "compounding");
        assertThat(pending.topics()).containsExactly("certification");
        assertThat(pending.kinds()).containsExactly("jobs");
        assertThat(pending.states()).containsExactly("TX", "OK");
        assertThat(pending.remote()).isTrue();
        assertThat(pending.timezone().getId()).isEqualTo("America/Chicago");
        assertThat(pending.sendAt().toString()).isEqualTo("06:30");
        assertThat(subscriptions.active()).noneMatch(s -> s.email().equals("ana@example.org"));

        MimeMessage[] mails = mailsAfterQueue(1);
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).contains("ana@example.org");
        assertThat(mails[0].getSubject()).isEqualTo("Confirm your RxRadar subscription");
        assertThat(mails[0].getHeader("Auto-Submitted")).containsExactly("auto-generated");
        String confirm = link(mails[0], web.base() + "/subscriptions/confirm");

        // opening the link shows a button and changes nothing (mail scanners open links); the button confirms
        HttpResponse<String> opened = web.getUrl(confirm);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains("<form method=\"post\"").contains("id=\"confirm-button\"").contains("a***@example.org")
                .doesNotContain("ana@example.org");
        assertThat(subscriptions.find("ana@example.org").orElseThrow().status().text()).as("a GET confirms nothing").isEqualTo("pending");
        HttpResponse<String> confirmed = web.confirm(confirm);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("confirmed");
        assertThat(subscriptions.find("ana@example.org").orElseThrow().status().text()).isEqualTo("confirmed");
        assertThat(subscriptions.active()).anyMatch(s -> s.email().equals("ana@example.org"));

        HttpResponse<String> again = web.confirm(confirm);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("already confirmed");
        assertThat(web.getUrl(confirm).body()).as("the link, opened again").contains("already confirmed");
    }

    @Test
    void theFormPageOffersEveryChoiceTheServerAcceptsFilledInFromTheQuery() throws Exception {
        HttpResponse<String> home = web.get("/subscriptions?settings=long-term-care&states=TX&kinds=jobs");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("<form id=\"subscribe\" method=\"post\" action=\"/subscriptions\"")
                .contains("name=\"email\"").contains("name=\"send-at\"").contains("name=\"states\" value=\"OK\"")
                .contains("value=\"America/Chicago\" selected")
                .contains("name=\"settings\" value=\"long-term-care\" checked").contains("Long-term care")
                .contains("name=\"states\" value=\"TX\" checked").contains("name=\"kinds\" value=\"jobs\" checked")
                .doesNotContain("name=\"kinds\" value=\"news\" checked");
        for (String s : org.rxradar.model.Taxonomy.SETTINGS) assertThat(home.body()).contains("name=\"settings\" value=\"" + s + "\"");
        for (String t : org.rxradar.model.Taxonomy.TOPICS) assertThat(home.body()).contains("name=\"topics\" value=\"" + t + "\"");
    }

    @Test
    void withoutAnSmtpHostTheConfirmationLandsInTheOutbox() throws Exception {
        Path outbox = dir.resolve("outbox-only");
        try (WebServer local = new WebServer(subscriptions, 0, outbox)) {
            HttpResponse<String> r = local.postForm("email=olive%40example.org");
            assertThat(r.statusCode()).isEqualTo(200);
            // the page says where the mail went, not "check your inbox"
            assertThat(r.body()).contains("outbox directory").contains(outbox.toAbsolutePath().toString()).doesNotContain("Check your inbox");
            assertThat(local.service.awaitMailsSent(Duration.ofSeconds(20))).isTrue();
            List<Path> eml;
            try (var files = java.nio.file.Files.list(outbox)) {
                eml = files.filter(f -> f.toString().endsWith(".eml")).toList();
            }
            assertThat(eml).hasSize(1);
            assertThat(eml.get(0).getFileName().toString()).contains("confirm-" + Subscriber.idFor("olive@example.org"));
            assertThat(java.nio.file.Files.readString(eml.get(0))).contains("olive@example.org").contains("/subscriptions/confirm?token=");
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void jsonSubscriptionGetsJsonAndAcceptsListsAsArraysOrText() throws Exception {
        HttpResponse<String> r = web.postJson("{\"email\":\"ben@example.org\",\"settings\":[\"retail\"],\"topics\":\"technology, workforce\","
                + "\"states\":[\"CA\"],\"remote\":false,\"timezone\":\"America/Los_Angeles\",\"sendAt\":\"08:00\"}");
        assertThat(r.statusCode()).isEqualTo(202);
        JsonNode body = Json.MAPPER.readTree(r.body());
        assertThat(body.get("status").asText()).isEqualTo("check-inbox");
        assertThat(body.get("message").asText()).contains("Check your inbox");
        subscriptions.awaitCaughtUp();
        Subscriber s = subscriptions.find("ben@example.org").orElseThrow();
        assertThat(s.topics()).containsExactly("technology", "workforce");
        assertThat(s.sendAt().toString()).isEqualTo("08:00");
        assertThat(mailsAfterQueue(1)).hasSize(1);
    }

    @Test
    void badInputIsRefusedWithTheFieldAndWhy() throws Exception {
        record Case(String json, String field, String words) {}
        List<Case> cases = List.of(
                new Case("{\"email\":\"not an address\"}", "email", "not an email address"),
                new Case("{\"email\":\"a@example.org, b@example.org\"}", "email", "more than one address"),
                new Case("{\"email\":\"c@example.org\",\"settings\":[\"spa\"]}", "settings", "'spa' is not one of"),
                new Case("{\"email\":\"c@example.org\",\"topics\":[\"gossip\"]}", "topics", "'gossip' is not one of"),
                new Case("{\"email\":\"c@example.org\",\"states\":[\"Texas\"]}", "states", "two-letter state code"),
                new Case("{\"email\":\"c@example.org\",\"timezone\":\"Mars/Olympus\"}", "timezone", "not a time zone"),
                new Case("{\"email\":\"c@example.org\",\"send-at\":\"7am\"}", "send-at", "not a time of day"),
                new Case("{\"email\":\"c@example.org\",\"kinds\":[\"ads\"]}", "kinds", "'ads' is not one of"),
                new Case("{\"email\":\"c@example.org\",\"remote\":\"maybe\"}", "remote", "not true or false"),
                new Case("{\"email\":\"c@example.org\",\"admin\":true}", "admin", "unknown field 'admin'"));
        // one client address may ask five times a minute: a fresh server (and limiter) per batch of five
        for (int i = 0; i < cases.size(); i++) {
            if (i > 0 && i % 5 == 0) {
                web.close();
                web = new WebServer(subscriptions, greenMail.getSmtp().getPort(), dir.resolve("outbox"));
            }
            Case c = cases.get(i);
            HttpResponse<String> r = web.postJson(c.json());
            assertThat(r.statusCode()).as(c.json()).isEqualTo(400);
            JsonNode body = Json.MAPPER.readTree(r.body());
            assertThat(body.get("field").asText()).as(c.json()).isEqualTo(c.field());
            assertThat(body.get("error").asText()).as(c.json()).contains(c.words());
        }
        assertThat(subscriptions.find("c@example.org")).isEmpty();
        assertThat(mailsAfterQueue(0)).isEmpty();
    }

    @Test
    void badFormPostGetsAnHtmlPageWithTheMessageEscaped() throws Exception {
        HttpResponse<String> r = web.postForm("email=%3Cscript%3E");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(r.body()).contains("id=\"error\"").contains("&lt;script&gt;").doesNotContain("<script>");

        // the form comes back as typed, the error beside the field at fault
        HttpResponse<String> typed = web.postForm("email=pat%40example.org&name=Pat&settings=hospital&states=TX&remote=true&send-at=25%3A99");
        assertThat(typed.statusCode()).isEqualTo(400);
        assertThat(typed.body()).contains("value=\"pat@example.org\"", "value=\"Pat\"", "name=\"settings\" value=\"hospital\" checked",
                "name=\"states\" value=\"TX\" checked", "id=\"remote\" checked", "value=\"25:99\"", "aria-invalid=\"true\"");
        assertThat(typed.body()).contains("id=\"send-at-error\">send-at: &#39;25:99&#39; is not a time of day");

        assertThat(web.post("/subscriptions", "application/json", "[1,2]").body()).contains("must be a JSON object");
        assertThat(web.post("/subscriptions", "text/plain", "email=x").statusCode()).isEqualTo(415);
        assertThat(web.post("/subscriptions", "application/x-www-form-urlencoded", "email=" + "a".repeat(20_000)).statusCode()).isEqualTo(413);
        HttpResponse<String> put = web.client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(web.base() + "/subscriptions"))
                .PUT(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).hasValue("GET, HEAD, POST");
    }

    @Test
    void aConfirmedAddressIsNeverResetAndTheAnswerIsTheSame() throws Exception {
        Subscriber confirmed = Subscriber.of(null, "cora@example.org", null, List.of("clinic"), List.of(), List.of(), List.of("NY"),
                false, List.of(), "America/New_York", "07:00", "daily", "confirmed");
        subscriptions.put(confirmed);
        subscriptions.awaitCaughtUp();

        HttpResponse<String> r = web.postForm("email=cora%40example.org&settings=retail");
        HttpResponse<String> fresh = web.postForm("email=dan%40example.org&settings=retail");
        assertThat(r.statusCode()).isEqualTo(fresh.statusCode());
        assertThat(r.body().replace("cora@", "X@")).isEqualTo(fresh.body().replace("dan@", "X@"));

        subscriptions.awaitCaughtUp();
        assertThat(subscriptions.find("cora@example.org").orElseThrow()).isEqualTo(confirmed);
        MimeMessage[] mails = mailsAfterQueue(2);
        MimeMessage toCora = null;
        for (MimeMessage m : mails) if (GreenMailUtil.getAddressList(m.getAllRecipients()).contains("cora@")) toCora = m;
        assertThat(toCora).isNotNull();
        assertThat(toCora.getSubject()).isEqualTo("You are already subscribed to RxRadar");
        assertThat(plainText(toCora)).contains("/unsubscribe?token=").doesNotContain("/subscriptions/confirm");
    }

    @Test
    void oneAddressGetsAtMostOneConfirmationMailPerTenMinutes() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(web.postForm("email=eve%40example.org&topics=events").statusCode()).isEqualTo(200);
        }
        MimeMessage[] mails = mailsAfterQueue(1);
        Thread.sleep(300); // a second mail, if one were sent, would have arrived by now
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(web.registry.find("rxradar.subscriptions.mails").tag("outcome", "rate_limited").counter().count()).isEqualTo(2.0);
        assertThat(mails[0].getSubject()).contains("Confirm");
    }

    @Test
    void oneClientAddressMayAskFiveTimesAMinute() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(web.postForm("email=f" + i + "%40example.org").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> sixth = web.postForm("email=f5%40example.org");
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isBetween(1, 60));
        assertThat(sixth.body()).contains("Too many subscription requests");
        assertThat(subscriptions.find("f5@example.org")).isEmpty();
        mailsAfterQueue(5);
    }

    @Test
    void forgedOrCutLinksAreRefused() throws Exception {
        assertThat(web.get("/subscriptions/confirm").statusCode()).isEqualTo(400);
        assertThat(web.get("/subscriptions/confirm?token=abc.123.def").statusCode()).isEqualTo(400);
        // an unsubscribe token is signed for another purpose: it does not confirm
        String unsubscribe = web.unsubscribeToken(Subscriber.idFor("gil@example.org"));
        assertThat(web.get("/subscriptions/confirm?token=" + unsubscribe).body()).contains("not valid");
        assertThat(web.get("/unsubscribe?token=" + unsubscribe.substring(0, unsubscribe.length() - 2)).statusCode()).isEqualTo(400);
        assertThat(web.get("/unsubscribe").statusCode()).isEqualTo(400);
        assertThat(web.client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(web.base() + "/subscriptions/confirm?token=x"))
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).as("a HEAD request never confirms").isEqualTo(405);
    }

    @Test
    void aConfirmationLinkOlderThanTwoDaysHasExpired() throws Exception {
        Subscriber pending = Subscriber.of(null, "ivy@example.org", null, null, null, null, null, null, null, null, null, null, "pending");
        subscriptions.put(pending);
        subscriptions.awaitCaughtUp();
        java.time.Instant issued = java.time.Instant.now().minus(Duration.ofHours(49));
        String old = new ConfirmationTokens(WebServer.SECRET, ConfirmationTokens.DEFAULT_VALIDITY,
                java.time.Clock.fixed(issued, java.time.ZoneOffset.UTC)).tokenFor(pending.id());
        HttpResponse<String> r = web.get("/subscriptions/confirm?token=" + old);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("expired").contains("subscribe again");
        assertThat(subscriptions.find(pending.id()).orElseThrow().status().text()).isEqualTo("pending");
    }

    @Test
    void unsubscribePageHasAButtonAndOneClickPostUnsubscribes() throws Exception {
        web.postForm("email=hal%40example.org");
        String confirm = link(mailsAfterQueue(1)[0], web.base() + "/subscriptions/confirm");
        assertThat(web.confirm(confirm).statusCode()).isEqualTo(200);
        String id = Subscriber.idFor("hal@example.org");
        String token = web.unsubscribeToken(id);

        HttpResponse<String> page = web.get("/unsubscribe?token=" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"").contains("List-Unsubscribe").contains("<button")
                .contains("h***@example.org").doesNotContain("hal@example.org");
        assertThat(subscriptions.find(id).orElseThrow().status().text()).as("a GET changes nothing").isEqualTo("confirmed");

        HttpResponse<String> done = web.post("/unsubscribe?token=" + token, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("unsubscribed");
        assertThat(subscriptions.find(id).orElseThrow().status().text()).isEqualTo("unsubscribed");
        assertThat(subscriptions.active()).noneMatch(s -> s.id().equals(id));

        // the old confirmation link must not undo the unsubscribe, opened or posted
        assertThat(web.getUrl(confirm).statusCode()).isEqualTo(400);
        assertThat(web.confirm(confirm).statusCode()).isEqualTo(400);
        assertThat(subscriptions.find(id).orElseThrow().status().text()).isEqualTo("unsubscribed");
        // repeating the one-click POST is harmless
        assertThat(web.post("/unsubscribe?token=" + token, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aLinkWithTooManyParametersIsRefused400AndTheLogKeepsNoToken() throws Exception {
        String many = java.util.stream.IntStream.rangeClosed(1, 201).mapToObj(i -> "p" + i + "=1").collect(java.util.stream.Collectors.joining("&"));
        try (LogCapture logs = new LogCapture()) {
            for (String path : List.of("/subscriptions/confirm?token=s3cret-token&", "/unsubscribe?token=s3cret-token&")) {
                HttpResponse<String> r = web.get(path + many);
                assertThat(r.statusCode()).as(path).isEqualTo(400);
                assertThat(r.body()).as(path).contains("too many").doesNotContain("Exception", "BadRequest", "at org.");
            }
            assertThat(logs.text()).doesNotContain("s3cret").doesNotContain("stack:");
        }
    }

    @Test
    void aFailingHandlerAnswers500WithOneLogLineAndNoStackTrace() throws Exception {
        SubscriptionLog closed = new SubscriptionLog(bus.clients());
        closed.close(); // storing the subscriber fails: the producer is gone
        try (WebServer broken = new WebServer(closed, 0, dir.resolve("outbox-broken")); LogCapture logs = new LogCapture()) {
            HttpResponse<String> r = broken.post("/subscriptions?token=s3cret-token", "application/x-www-form-urlencoded",
                    "email=kim%40example.org&settings=hospital");
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).contains("Internal error").doesNotContain("Exception", "at org.", "kafka");
            assertThat(logs.warnings()).singleElement().satisfies(e -> {
                assertThat(e.getFormattedMessage()).startsWith("POST /subscriptions failed: ").doesNotContain("s3cret");
                assertThat(e.getThrowableProxy()).as("no stack trace").isNull();
            });
        }
    }
}
