package org.rxradar.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.model.Subscriber;
import org.rxradar.digest.Digest;
import org.rxradar.digest.DigestRenderer;
import org.rxradar.digest.DigestSelector;
import org.rxradar.digest.WeeklyTrends;
import org.rxradar.view.FeedView;
import org.rxradar.ops.HealthCheck;
import org.rxradar.web.server.HttpApi;
import org.rxradar.model.TaggedItem;
import org.rxradar.trend.TrendDigestSection;
import org.rxradar.trend.TrendRoutes;
import org.rxradar.trend.TrendStore;
import org.rxradar.config.SourceNames;

/**
 * The read-only pages in headless Chromium over a real HTTP server with realistic items: the front
 * page, the settings index and a setting page, the trends page, a 404 and a rendered digest. Each
 * is screenshot at 1280 and 390 px (target/screenshots/), must not be wider than a 390 px phone, and
 * must pass axe-core without serious or critical violations. One browser for the class.
 */
class PagesInBrowserIT {
    @TempDir
    static Path dir;
    static HttpApi http;
    static WebDriver browser;
    static String base;
    static List<TaggedItem> items;

    @BeforeAll
    static void start() throws Exception {
        BrowserChecks.requireChromium();
        Clock clock = Clock.fixed(PageSamples.NOW, ZoneOffset.UTC);
        items = PageSamples.items();
        FeedView view = new FeedView(Duration.ofDays(14), 10_000, clock);
        TrendStore trends = new TrendStore();
        for (TaggedItem item : items) {
            view.put(item);
            trends.add(item);
        }
        SourceNames names = SourceNames.of(List.of(
                new RxRadarConfig.Source("sample-health-system-careers-rss", "rss", "job", "https://careers.example.org/jobs.rss",
                        Duration.ofHours(1), "Sample Health careers", Map.of(), true)));
        http = new HttpApi(new RxRadarConfig.Http(0, "127.0.0.1", ""), view, HealthCheck.alwaysReady(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        http.sourceNames(names);
        new TrendRoutes(trends, clock).installOn(http);
        new SettingRoutes(view, trends, names, clock).installOn(http);
        http.start();
        base = "http://127.0.0.1:" + http.port();
        browser = SubscribeInBrowserIT.chromium(Files.createDirectories(dir.resolve("profile")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (http != null) http.close();
    }

    @Test
    void frontPageListsTheLatestLeadsWithLabelsAndFiltersByGet() throws Exception {
        BrowserChecks.screenshotsAndNoOverflow(browser, base + "/", "home");
        assertThat(BrowserChecks.seriousViolations(browser)).as("axe on /").isEmpty();
        String first = browser.findElement(By.cssSelector("#latest-leads li")).getText();
        assertThat(first).contains("Pharmacy Technician 100", "Mercy Medical Center", "Austin, TX", "/hr", "Required: PTCB CPhT",
                "Shift: Day", "Posted", "Sample Health careers", "Hospital");
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).contains(PageSamples.HOSTILE_TITLE).contains("Long-term care").doesNotContain("long-term-care", "sample-health-system");

        new Select(browser.findElement(By.id("f-setting"))).selectByValue("long-term-care");
        new Select(browser.findElement(By.id("f-state"))).selectByValue("OK");
        browser.findElement(By.id("apply-filters")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("state=OK"));
        assertThat(browser.getCurrentUrl()).contains("setting=long-term-care").contains("state=OK");
        List<String> shown = browser.findElements(By.cssSelector("#latest-leads li")).stream().map(e -> e.getText()).toList();
        assertThat(shown).isNotEmpty().allSatisfy(t -> assertThat(t).contains(", OK").contains("Long-term care"));
        assertThat(browser.findElement(By.id("subscribe-this")).getAttribute("href")).endsWith("/subscriptions?kinds=jobs&settings=long-term-care&states=OK");
        assertThat(browser.findElement(By.id("feed-this")).getAttribute("href")).endsWith("/feeds/all.atom?kind=job&settings=long-term-care&state=OK");
        BrowserChecks.screenshotsAndNoOverflow(browser, browser.getCurrentUrl(), "home-filtered");
    }

    @Test
    void settingPagesShowPaySpreadCertificationsAndA404() throws Exception {
        BrowserChecks.screenshotsAndNoOverflow(browser, base + "/settings", "settings");
        // job leads only, as the setting page counts them (news of the setting are not leads)
        assertThat(browser.findElement(By.id("settings-index")).getText()).contains("Hospital 6 $19.25/hr (n=4)", "Home infusion", "n=");
        BrowserChecks.screenshotsAndNoOverflow(browser, base + "/settings/hospital", "setting-hospital");
        assertThat(BrowserChecks.seriousViolations(browser)).as("axe on /settings/hospital").isEmpty();
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Hospital pharmacy technician jobs", "6 current leads", "median of", "n=", "The middle half pays", "PTCB CPhT",
                "State license", "Top employers", "Mercy Medical Center", "Recent news");
        BrowserChecks.screenshotsAndNoOverflow(browser, base + "/settings/spaceport", "setting-unknown");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("No such setting");
    }

    @Test
    void trendsPageReadsWithLabelsSampleSizesAndDownloadableCharts() throws Exception {
        BrowserChecks.screenshotsAndNoOverflow(browser, base + "/trends.html", "trends");
        assertThat(BrowserChecks.seriousViolations(browser)).as("axe on /trends.html").isEmpty();
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Long-term care", "n=", "per week", "PTCB CPhT").doesNotContain("long-term-care", "PTCB-CPhT");
        String svg = browser.findElement(By.cssSelector("a[href='/trends/leads.svg']")).getAttribute("href");
        browser.get(svg);
        assertThat(browser.getPageSource()).contains("Job leads per setting per week");
    }

    @Test
    void darkModeKeepsTheContrast() throws Exception {
        var chrome = (org.openqa.selenium.chromium.ChromiumDriver) browser;
        chrome.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        try {
            for (String path : List.of("/", "/settings/hospital")) {
                String name = "dark" + (path.equals("/") ? "-home" : path.replaceAll("[^a-z]+", "-"));
                BrowserChecks.screenshotsAndNoOverflow(browser, base + path, name);
                assertThat(BrowserChecks.seriousViolations(browser)).as("axe in dark mode on " + path).isEmpty();
            }
        } finally {
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
    }

    @Test
    void digestFitsAPhoneAndPassesTheAudit() throws Exception {
        Subscriber pat = Subscriber.of(null, "pat@example.org", "Pat", List.of("hospital", "long-term-care"), List.of(), List.of(),
                List.of(), false, List.of(), "America/Chicago", "07:00", "daily", "confirmed");
        Digest digest = new DigestSelector(base, 10, 5).select(pat, items, PageSamples.TODAY);
        TrendStore trends = new TrendStore();
        items.forEach(trends::add);
        var report = trends.report(PageSamples.TODAY, 28);
        String html = new DigestRenderer().render(digest, base + "/unsubscribe?token=t",
                Optional.of(new WeeklyTrends.Section(TrendDigestSection.html(report), TrendDigestSection.text(report)))).html();
        Path file = dir.resolve("digest.html");
        Files.writeString(file, html);
        BrowserChecks.screenshotsAndNoOverflow(browser, file.toUri().toString(), "digest");
        assertThat(BrowserChecks.seriousViolations(browser)).as("axe on a digest").isEmpty();
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Trends this week", "Median pay");
        // the trends table itself fits the phone: median pay is not cut off or hidden behind a scroll
        long tableWidth = ((Number) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "var t = [...document.querySelectorAll('table')].pop(); return t.parentElement.scrollWidth - t.parentElement.clientWidth")).longValue();
        assertThat(tableWidth).as("trends table overflow at 390 px").isLessThanOrEqualTo(0);
    }
}
