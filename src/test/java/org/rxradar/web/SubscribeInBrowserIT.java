package org.rxradar.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rxradar.bus.Bus;
import org.rxradar.model.Subscriber;
import org.rxradar.digest.SubscriptionLog;

/**
 * A person subscribing in a real browser: headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}) filters the front page, follows "get these by email" to the form filled
 * in with the filters, submits it once without an address (the form comes back as typed, the error
 * at the field), then with one; the confirmation mail reaches a real SMTP server, its link opens a
 * page whose button confirms the subscriber in the subscription topic, and the unsubscribe page
 * (naming the masked address) unsubscribes. Each page is screenshot at 1280 and 390 px and must fit
 * the phone. Skipped where Chromium is not installed ({@code .ci/run} installs it).
 */
class SubscribeInBrowserIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    // the packaged Chromium is newer than the DevTools bindings Selenium ships; the test uses none of them
    private static final java.util.logging.Logger SELENIUM_LOG = quiet("org.openqa.selenium");

    @TempDir
    Path dir;

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
        l.setLevel(java.util.logging.Level.SEVERE);
        return l;
    }

    /** The packaged driver and browser only: Selenium Manager must never look for (or fetch) one. */
    static WebDriver chromium(Path profile) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @Test
    void subscribeOnTheFrontPageThenConfirmFromTheMail() throws Exception {
        // checked in the test (not before all), so the report counts it as skipped, with this message;
        // in CI (.ci/run installs both) a missing browser is a failure, never a silent skip
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = CHROMIUM + " or " + CHROMEDRIVER + " is missing (install the Debian packages chromium and chromium-driver)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) org.assertj.core.api.Assertions.assertThat(present).as(missing).isTrue();
        Assumptions.assumeTrue(present, "headless Chromium test skipped: " + missing);
        try (Bus bus = WebServer.openBus(dir); SubscriptionLog subscriptions = new SubscriptionLog(bus.clients())) {
            subscribeAndConfirm(subscriptions);
        }
    }

    private void subscribeAndConfirm(SubscriptionLog subscriptions) throws Exception {
        try (WebServer web = new WebServer(subscriptions, greenMail.getSmtp().getPort(), dir.resolve("outbox"))) {
            WebDriver browser = chromium(Files.createDirectories(dir.resolve("chromium-profile")));
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                // the front page's filters lead to the form, filled in with them
                browser.get(web.base() + "/");
                assertThat(browser.getTitle()).contains("RxRadar");
                new Select(browser.findElement(By.id("f-setting"))).selectByValue("hospital");
                browser.findElement(By.id("apply-filters")).click();
                wait.until(ExpectedConditions.urlContains("setting=hospital"));
                browser.findElement(By.id("subscribe-this")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("subscribe")));
                assertThat(browser.findElement(By.cssSelector("input[name=settings][value=hospital]")).isSelected()).isTrue();
                assertThat(browser.findElement(By.cssSelector("input[name=kinds][value=news]")).isSelected()).as("job leads only").isFalse();
                BrowserChecks.screenshotsAndNoOverflow(browser, "subscribe-form");
                assertThat(BrowserChecks.seriousViolations(browser)).as("axe on the subscribe form").isEmpty();

                browser.findElement(By.id("name")).sendKeys("Pat");
                browser.findElement(By.cssSelector("input[name=topics][value=certification]")).click();
                browser.findElement(By.id("remote")).click();
                browser.findElement(By.cssSelector("input[name=states][value=TX]")).click();
                browser.findElement(By.cssSelector("input[name=states][value=OK]")).click();
                new Select(browser.findElement(By.id("timezone"))).selectByValue("America/Denver");
                // no email yet: the form comes back with what was chosen and the error at the email field
                browser.findElement(By.id("subscribe-button")).click();
                assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email-error"))).getText()).contains("email");
                assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Pat");
                assertThat(browser.findElement(By.cssSelector("input[name=states][value=TX]")).isSelected()).isTrue();
                assertThat(browser.findElement(By.id("remote")).isSelected()).isTrue();
                BrowserChecks.screenshotsAndNoOverflow(browser, "subscribe-form-error");
                browser.findElement(By.id("email")).sendKeys("pat@example.org");
                browser.findElement(By.id("subscribe-button")).click();

                String notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText();
                assertThat(notice).contains("Check your inbox").contains("pat@example.org");
                BrowserChecks.screenshotsAndNoOverflow(browser, "subscribe-notice");

                assertThat(web.service.awaitMailsSent(Duration.ofSeconds(20))).isTrue();
                assertThat(greenMail.waitForIncomingEmail(10_000, 1)).isTrue();
                MimeMessage mail = greenMail.getReceivedMessages()[0];
                assertThat(mail.getAllRecipients()[0].toString()).contains("pat@example.org");
                String confirm = SubscriptionEndpointsIT.link(mail, web.base() + "/subscriptions/confirm");

                subscriptions.awaitCaughtUp();
                Subscriber pending = subscriptions.find("pat@example.org").orElseThrow();
                assertThat(pending.status().text()).isEqualTo("pending");

                // opening the link confirms nothing; its button does
                browser.get(confirm);
                assertThat(browser.findElement(By.id("address")).getText()).isEqualTo("p***@example.org");
                BrowserChecks.screenshotsAndNoOverflow(browser, "confirm");
                subscriptions.awaitCaughtUp();
                assertThat(subscriptions.find("pat@example.org").orElseThrow().status().text()).isEqualTo("pending");
                browser.findElement(By.id("confirm-button")).click();
                assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText()).contains("confirmed");
                subscriptions.awaitCaughtUp();
                assertSubscribed(subscriptions.find("pat@example.org").orElseThrow());

                // the unsubscribe link names the address, masked; its button unsubscribes
                browser.get(web.base() + "/unsubscribe?token=" + web.unsubscribeToken(Subscriber.idFor("pat@example.org")));
                assertThat(browser.findElement(By.id("address")).getText()).isEqualTo("p***@example.org");
                BrowserChecks.screenshotsAndNoOverflow(browser, "unsubscribe");
                browser.findElement(By.id("unsubscribe")).click();
                assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText()).contains("unsubscribed");
                BrowserChecks.screenshotsAndNoOverflow(browser, "unsubscribed");
            } finally {
                browser.quit();
            }
        }
        subscriptions.awaitCaughtUp();
        assertThat(subscriptions.find("pat@example.org").orElseThrow().status().text()).isEqualTo("unsubscribed");
    }

    private static void assertSubscribed(Subscriber s) {
        assertThat(s.status().text()).isEqualTo("confirmed");
        assertThat(s.name()).isEqualTo("Pat");
        assertThat(s.settings()).containsExactly("hospital");
        assertThat(s.topics()).containsExactly("certification");
        assertThat(s.kinds()).containsExactly("jobs");
        assertThat(s.states()).containsExactly("OK", "TX");
        assertThat(s.remote()).isTrue();
        assertThat(s.timezone().getId()).isEqualTo("America/Denver");
        assertThat(s.sendAt().toString()).isEqualTo("07:00");
    }
}
