package org.rxradar.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * What every page must pass in a real browser: a whole-page screenshot at desktop (1280 px) and
 * phone (390 px) width under {@code target/screenshots/} for a person to review, no horizontal
 * overflow at 390 px, and an axe-core audit without serious or critical violations.
 */
final class BrowserChecks {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final int DESKTOP = 1280;
    static final int PHONE = 390;
    private static final int MAX_HEIGHT = 6000;

    private BrowserChecks() {}

    /** Skips (or, in CI, fails) when the packaged Chromium and its driver are missing. */
    static void requireChromium() {
        boolean present = Files.isExecutable(SubscribeInBrowserIT.CHROMIUM) && Files.isExecutable(SubscribeInBrowserIT.CHROMEDRIVER);
        String missing = SubscribeInBrowserIT.CHROMIUM + " or " + SubscribeInBrowserIT.CHROMEDRIVER
                + " is missing (install the Debian packages chromium and chromium-driver)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) assertThat(present).as(missing).isTrue();
        Assumptions.assumeTrue(present, "headless Chromium test skipped: " + missing);
    }

    /** Like {@link #screenshotsAndNoOverflow(WebDriver, String, String)} for the page now shown (one a POST led to: not reloaded). */
    static void screenshotsAndNoOverflow(WebDriver browser, String name) throws Exception {
        screenshotsAndNoOverflow(browser, null, name);
    }

    /**
     * Loads {@code url} (null: keeps the page shown) at both widths, saves {@code <name>-1280.png} and {@code <name>-390.png}, and
     * checks that the phone layout is no wider than the phone. Leaves the browser at phone width.
     */
    static void screenshotsAndNoOverflow(WebDriver browser, String url, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        for (int width : new int[] {DESKTOP, PHONE}) {
            browser.manage().window().setSize(new Dimension(width, 900));
            if (url != null) browser.get(url);
            JavascriptExecutor js = (JavascriptExecutor) browser;
            long height = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
            browser.manage().window().setSize(new Dimension(width, (int) Math.min(MAX_HEIGHT, Math.max(600, height + 100))));
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + "-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
            if (width == PHONE) {
                long scroll = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
                long viewport = ((Number) js.executeScript("return window.innerWidth")).longValue();
                assertThat(scroll).as(name + ": page width at a " + viewport + " px wide viewport").isLessThanOrEqualTo(viewport);
            }
        }
    }

    /** The serious and critical axe-core violations of the page now loaded ("rule (impact): where"). */
    static List<String> seriousViolations(WebDriver browser) {
        Results results = new AxeBuilder().analyze(browser);
        assertThat(results.getPasses()).as("axe ran its rules").isNotEmpty();
        // the lesser findings are printed for the reviewer; serious and critical ones fail the test
        System.out.println("axe-core " + browser.getCurrentUrl().replaceAll("\\?.*", "") + ": " + results.getPasses().size() + " rules passed, violations: "
                + results.getViolations().stream().map(r -> r.getId() + " (" + r.getImpact() + ")").toList());
        List<String> out = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (!"serious".equals(rule.getImpact()) && !"critical".equals(rule.getImpact())) continue;
            String where = rule.getNodes().isEmpty() ? "" : rule.getNodes().get(0).getHtml();
            out.add(rule.getId() + " (" + rule.getImpact() + ", " + rule.getNodes().size() + " nodes): " + where);
        }
        return out;
    }

}
