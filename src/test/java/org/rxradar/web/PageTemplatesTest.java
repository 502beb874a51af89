package org.rxradar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rxradar.web.page.Masked;
import org.rxradar.web.page.PageTemplates;

class PageTemplatesTest {
    @Test
    void everyPageHasTheLayoutAndEscapesWhatItShows() {
        String page = new String(PageTemplates.message("Oops <b>", "error", "<script>alert(1)</script>"), StandardCharsets.UTF_8);
        assertThat(page).contains("<meta name=\"viewport\"", "href=\"/assets/style.css\"", "href=\"/trends.html\"", "href=\"/settings\"",
                "id=\"error\" class=\"error\" role=\"alert\"", "&lt;script&gt;alert(1)&lt;/script&gt;", "Oops &lt;b&gt;")
                .doesNotContain("<script>", "<b>");
        assertThat(new String(Pages.unsubscribeForm("a.b+c", "j***@example.org"), StandardCharsets.UTF_8))
                .contains("j***@example.org", "action=\"/unsubscribe?token=a.b%2Bc\"");
    }

    @Test
    void theRefusedFormComesBackAsTypedWithTheErrorAtItsField() {
        String page = new String(SubscribePage.render(Map.of("email", List.of("\"><x"), "settings", List.of("hospital,retail"),
                "states", List.of("tx")), "email", "email: not an address"), StandardCharsets.UTF_8);
        assertThat(page).contains("value=\"&quot;&gt;&lt;x\"", "aria-invalid=\"true\"", "id=\"email-error\">email: not an address",
                "value=\"hospital\" checked", "value=\"retail\" checked", "value=\"TX\" checked").doesNotContain("\"><x");
    }

    @Test
    void annualPayShowsItsHourlyEquivalent() {
        // the pages show pay as the digest does (LeadCards takes the digest's entries)
        var salary = new org.rxradar.model.Salary(41600.0, 41600.0, org.rxradar.model.Salary.Unit.YEAR, "USD");
        assertThat(org.rxradar.digest.PayFormat.format(salary)).isEqualTo("$20.00/hr ($41,600/yr)");
        var hourly = new org.rxradar.model.Salary(18.0, 20.0, org.rxradar.model.Salary.Unit.HOUR, "USD");
        assertThat(org.rxradar.digest.PayFormat.format(hourly)).isEqualTo("$18.00\u2013$20.00/hr");
    }

    @Test
    void addressesAreMasked() {
        assertThat(Masked.email("jane@example.org")).isEqualTo("j***@example.org");
        assertThat(Masked.email(" a@b.c ")).isEqualTo("a***@b.c");
        assertThat(Masked.email("no-at-sign")).isEqualTo("***");
        assertThat(Masked.email(null)).isEqualTo("***");
    }
}
