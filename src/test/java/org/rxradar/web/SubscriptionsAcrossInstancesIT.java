package org.rxradar.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.bus.Bus;
import org.rxradar.digest.SubscriptionLog;

/**
 * Two instances' web sides (each its own HTTP server and view of {@code rxradar.subscriptions}, the
 * same {@code digest.secret}) on one real broker: a confirmation link mailed by instance A is
 * accepted by instance B, and an unsubscribe link signed by A works on B, each change seen by both.
 * The per-address mail limit is kept by each instance in memory: two instances send at most two
 * confirmation mails where one would send one (the README spells out the N×).
 */
class SubscriptionsAcrossInstancesIT {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @TempDir
    static Path dir;
    static Bus bus;
    static SubscriptionLog viewOfA;
    static SubscriptionLog viewOfB;
    WebServer a;
    WebServer b;

    @BeforeAll
    static void start() {
        bus = WebServer.openBus(dir);
        viewOfA = new SubscriptionLog(bus.clients().withInstance("a"));
        viewOfB = new SubscriptionLog(bus.clients().withInstance("b"));
    }

    @BeforeEach
    void servers() {
        a = new WebServer(viewOfA, greenMail.getSmtp().getPort(), dir.resolve("outbox-a"));
        b = new WebServer(viewOfB, greenMail.getSmtp().getPort(), dir.resolve("outbox-b"));
    }

    @AfterEach
    void stopServers() {
        a.close();
        b.close();
    }

    @AfterAll
    static void stop() {
        viewOfA.close();
        viewOfB.close();
        bus.close();
    }

    private MimeMessage lastMailTo(String address) throws Exception {
        assertThat(a.service.awaitMailsSent(Duration.ofSeconds(20))).isTrue();
        assertThat(b.service.awaitMailsSent(Duration.ofSeconds(20))).isTrue();
        MimeMessage found = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (found == null && System.nanoTime() < deadline) {
            for (MimeMessage m : greenMail.getReceivedMessages())
                if (GreenMailUtil.getAddressList(m.getAllRecipients()).contains(address)) found = m;
            if (found == null) Thread.sleep(100);
        }
        assertThat(found).as("a mail to " + address).isNotNull();
        return found;
    }

    @Test
    void aConfirmationLinkFromOneInstanceIsAcceptedByAnotherAndSoIsAnUnsubscribeLink() throws Exception {
        assertThat(a.postForm("email=hana%40example.org&settings=hospital").statusCode()).isEqualTo(200);
        String linkFromA = SubscriptionEndpointsIT.link(lastMailTo("hana@example.org"), a.base() + "/subscriptions/confirm");
        String onB = linkFromA.replace(a.base(), b.base());
        assertThat(onB).startsWith(b.base());

        HttpResponse<String> confirmed = b.confirm(onB);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("confirmed");
        viewOfA.awaitCaughtUp();
        viewOfB.awaitCaughtUp();
        assertThat(viewOfA.find("hana@example.org").orElseThrow().status().text()).as("A sees B's confirmation").isEqualTo("confirmed");
        assertThat(viewOfB.find("hana@example.org").orElseThrow().status().text()).isEqualTo("confirmed");

        // the unsubscribe link A would put in a digest (List-Unsubscribe), used on B: RFC 8058 one-click POST
        String id = viewOfA.find("hana@example.org").orElseThrow().id();
        String unsubscribe = a.service.unsubscribeUrl(id).replace(a.base(), b.base());
        HttpResponse<String> done = b.post(unsubscribe.substring(b.base().length()), "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click");
        assertThat(done.statusCode()).isEqualTo(200);
        viewOfA.awaitCaughtUp();
        assertThat(viewOfA.find("hana@example.org").orElseThrow().status().text()).as("A sees B's unsubscribe").isEqualTo("unsubscribed");
        assertThat(viewOfA.active()).noneMatch(s -> s.email().equals("hana@example.org"));
    }

    @Test
    void thePerAddressMailLimitIsPerInstanceSoTwoInstancesSendAtMostTwo() throws Exception {
        for (int i = 0; i < 3; i++) assertThat(a.postForm("email=ivy%40example.org&topics=events").statusCode()).isEqualTo(200);
        for (int i = 0; i < 3; i++) assertThat(b.postForm("email=ivy%40example.org&topics=events").statusCode()).isEqualTo(200);
        lastMailTo("ivy@example.org");
        Thread.sleep(300); // a further mail, if one were sent, would have arrived by now
        long toIvy = Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return GreenMailUtil.getAddressList(m.getAllRecipients()).contains("ivy@example.org");
            } catch (Exception e) {
                return false;
            }
        }).count();
        assertThat(toIvy).as("one per instance in 10 minutes, not one in all").isEqualTo(2);
    }
}
