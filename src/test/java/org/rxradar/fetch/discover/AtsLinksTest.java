package org.rxradar.fetch.discover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AtsLinksTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            // Workday: with and without locale, job pages, the API itself
            "https://acmehealth.wd5.myworkdayjobs.com/External,                            workday, acmehealth, External",
            "https://acmehealth.wd5.myworkdayjobs.com/en-US/External,                      workday, acmehealth, External",
            "https://acmehealth.wd5.myworkdayjobs.com/fr-CA/External/,                     workday, acmehealth, External",
            "https://acmehealth.wd1.myworkdayjobs.com/en-US/Acme_Careers/job/Dallas-TX/Pharmacy-Technician_R-12345, workday, acmehealth, Acme_Careers",
            "https://acmehealth.wd12.myworkdayjobs.com/Careers/details/Pharmacy-Tech_JR1?q=x, workday, acmehealth, Careers",
            "https://acmehealth.wd5.myworkdayjobs.com/wday/cxs/acmehealth/External/jobs,   workday, acmehealth, External",
            "HTTPS://AcmeHealth.WD5.MyWorkdayJobs.com/External,                            workday, acmehealth, External",
            "//acmehealth.wd3.myworkdayjobs.com/es-419/Empleos,                            workday, acmehealth, Empleos",
            // Greenhouse: boards, new boards, embeds (iframe and script), the API
            "https://boards.greenhouse.io/acmehealth,                                      greenhouse, acmehealth, -",
            "https://boards.greenhouse.io/acmehealth/jobs/4012345,                         greenhouse, acmehealth, -",
            "https://job-boards.greenhouse.io/acmehealth,                                  greenhouse, acmehealth, -",
            "https://job-boards.greenhouse.io/acmehealth/jobs/4012345?gh_src=abc,          greenhouse, acmehealth, -",
            "https://boards.greenhouse.io/embed/job_board?for=acmehealth,                  greenhouse, acmehealth, -",
            "https://boards.greenhouse.io/embed/job_board/js?for=acmehealth,               greenhouse, acmehealth, -",
            "https://boards.greenhouse.io/embed/job_app?for=acmehealth&token=4012345,      greenhouse, acmehealth, -",
            "https://boards.greenhouse.io/embed/job_app?token=4012345&for=acmehealth,      greenhouse, acmehealth, -",
            "https://boards-api.greenhouse.io/v1/boards/acmehealth,                        greenhouse, acmehealth, -",
            "https://boards-api.greenhouse.io/v1/boards/acmehealth/jobs?content=true,      greenhouse, acmehealth, -",
            "https://api.greenhouse.io/v1/boards/acmehealth/embed/jobs,                    greenhouse, acmehealth, -",
            "boards.greenhouse.io/acmehealth,                                              greenhouse, acmehealth, -",
            // Lever: postings pages, apply pages, EU, the API
            "https://jobs.lever.co/acme-health,                                            lever, acme-health, -",
            "https://jobs.lever.co/acme-health/5a1b2c3d-0000-4e5f-8a9b-0123456789ab,       lever, acme-health, -",
            "https://jobs.lever.co/acme-health/5a1b2c3d-0000-4e5f-8a9b-0123456789ab/apply, lever, acme-health, -",
            "https://jobs.eu.lever.co/acme-health,                                         lever, acme-health, -",
            "https://api.lever.co/v0/postings/acme-health?mode=json,                       lever, acme-health, -",
            "https://api.lever.co/v0/postings/acme-health/5a1b2c3d,                        lever, acme-health, -",
            // SmartRecruiters: job pages, career pages, one-click apply, the API
            "https://jobs.smartrecruiters.com/AcmeHealth,                                  smartrecruiters, AcmeHealth, -",
            "https://jobs.smartrecruiters.com/AcmeHealth/743999912345678-pharmacy-technician, smartrecruiters, AcmeHealth, -",
            "https://careers.smartrecruiters.com/AcmeHealth,                               smartrecruiters, AcmeHealth, -",
            "https://jobs.smartrecruiters.com/oneclick-ui/company/AcmeHealth/publication/abc, smartrecruiters, AcmeHealth, -",
            "https://api.smartrecruiters.com/v1/companies/AcmeHealth/postings?limit=100,   smartrecruiters, AcmeHealth, -",
            // USAJOBS: anything on the site
            "https://www.usajobs.gov/Search/Results?k=pharmacy%20technician,               usajobs, -, -",
            "https://www.usajobs.gov/job/812345600,                                        usajobs, -, -",
            "https://usajobs.gov/,                                                         usajobs, -, -",
            "https://data.usajobs.gov/api/search?Keyword=pharmacy,                         usajobs, -, -",
    })
    void recognisesBoards(String url, String type, String token, String site) {
        AtsLink link = AtsLinks.parse(url);
        assertThat(link).as(url).isNotNull();
        assertThat(link.type()).isEqualTo(type);
        assertThat(link.token()).isEqualTo(token);
        assertThat(link.site()).isEqualTo(site);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {
            "", "   ", "not a url", "mailto:jobs@acmehealth.example", "javascript:void(0)", "/careers/jobs",
            "ftp://boards.greenhouse.io/acmehealth",
            "https://www.greenhouse.io/careers", "https://boards.greenhouse.io/", "https://boards.greenhouse.io/embed/job_board",
            "https://boards.greenhouse.io/embed/job_board?for=", "https://boards-api.greenhouse.io/v1/boards/",
            "https://boards.greenhouse.io.evil.example/acmehealth", "https://evil.example/boards.greenhouse.io/acmehealth",
            "https://www.myworkdayjobs.com/External", "https://acmehealth.wd5.myworkdayjobs.com/",
            "https://acmehealth.wd5.myworkdayjobs.com/en-US", "https://acmehealth.myworkdayjobs.com/External",
            "https://www.workday.com/en-us/company/careers.html",
            "https://jobs.lever.co/", "https://www.lever.co/", "https://api.lever.co/v1/postings/acme",
            "https://www.smartrecruiters.com/", "https://jobs.smartrecruiters.com/", "https://jobs.smartrecruiters.com/sr-jobs/search",
            "https://api.smartrecruiters.com/v1/companies/",
            "https://usajobs.gov.example/Search", "https://www.indeed.com/q-pharmacy-technician-jobs.html",
            "https://boards.greenhouse.io/acme%ZZhealth",
    })
    void ignoresEverythingElse(String url) {
        assertThat(AtsLinks.parse(url)).as(url).isNull();
    }

    @Test
    void publicUrlsAndDocumentedListEndpoints() {
        AtsLink workday = AtsLinks.parse("https://acmehealth.wd5.myworkdayjobs.com/en-US/External/job/X_R1");
        assertThat(workday.url()).isEqualTo("https://acmehealth.wd5.myworkdayjobs.com/External");
        assertThat(workday.apiUrl()).isEqualTo("https://acmehealth.wd5.myworkdayjobs.com/wday/cxs/acmehealth/External/jobs");

        AtsLink greenhouse = AtsLinks.parse("https://boards.greenhouse.io/embed/job_board?for=acmehealth");
        assertThat(greenhouse.url()).isEqualTo("https://job-boards.greenhouse.io/acmehealth");
        assertThat(greenhouse.apiUrl()).isEqualTo("https://boards-api.greenhouse.io/v1/boards/acmehealth/jobs");

        AtsLink lever = AtsLinks.parse("https://jobs.eu.lever.co/acme-health/123");
        assertThat(lever.url()).isEqualTo("https://jobs.eu.lever.co/acme-health");
        assertThat(lever.apiUrl()).isEqualTo("https://api.eu.lever.co/v0/postings/acme-health");

        AtsLink smart = AtsLinks.parse("https://careers.smartrecruiters.com/AcmeHealth");
        assertThat(smart.url()).isEqualTo("https://jobs.smartrecruiters.com/AcmeHealth");
        assertThat(smart.apiUrl()).isEqualTo("https://api.smartrecruiters.com/v1/companies/AcmeHealth/postings");
    }

    @Test
    void usajobsKeepsSearchesAndTurnsOtherPagesIntoTheDefaultSearch() {
        assertThat(AtsLinks.parse("https://www.usajobs.gov/Search/Results?k=pharmacy%20technician&l=Texas").url())
                .isEqualTo("https://www.usajobs.gov/Search/Results?k=pharmacy%20technician&l=Texas");
        assertThat(AtsLinks.parse("https://www.usajobs.gov/job/812345600").url())
                .isEqualTo("https://www.usajobs.gov/Search/Results?k=pharmacy%20technician");
        assertThat(AtsLinks.parse("https://data.usajobs.gov/api/search?Keyword=pharmacy+tech&LocationName=Ohio").url())
                .isEqualTo("https://www.usajobs.gov/Search/Results?k=pharmacy%20tech");
        assertThat(AtsLinks.parse("https://www.usajobs.gov/").apiUrl()).isEqualTo("https://data.usajobs.gov/api/search");
    }

    @Test
    void apiUrlMovesToAnotherOriginKeepingPathAndQuery() {
        AtsLink greenhouse = AtsLinks.parse("https://boards.greenhouse.io/acmehealth");
        assertThat(greenhouse.apiUrlAt("http://proxy.example/")).isEqualTo("http://proxy.example/v1/boards/acmehealth/jobs");
        assertThat(greenhouse.apiUrlAt("http://proxy.internal/gh")).isEqualTo("http://proxy.internal/gh/v1/boards/acmehealth/jobs");
    }
}
