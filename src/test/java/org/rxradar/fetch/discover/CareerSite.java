package org.rxradar.fetch.discover;

import org.rxradar.fetch.TestServer;

/** Fictional career pages for discovery tests, each in the shape real career sites use. */
public final class CareerSite {
    private CareerSite() {}

    public static final String GREENHOUSE_IFRAME = """
            <!doctype html><html><head><title>Careers at Acme Health</title></head><body>
            <h1>Join our pharmacy team</h1>
            <div id="grnhse_app"></div>
            <iframe id="grnhse_iframe" src="https://boards.greenhouse.io/embed/job_board?for=acmehealth&amp;b=https%3A%2F%2Facme.example%2Fcareers"></iframe>
            <script src="https://boards.greenhouse.io/embed/job_board/js?for=acmehealth"></script>
            <a href="https://www.linkedin.com/company/acme-health">LinkedIn</a>
            </body></html>""";

    public static final String WORKDAY_LINK = """
            <!doctype html><html><head><title>Mercy Valley careers</title></head><body>
            <p>All our openings are on our job site:
            <a class="btn" href="https://mercyvalley.wd5.myworkdayjobs.com/en-US/MercyValley_Careers">Search jobs</a>
            and <a href="https://mercyvalley.wd5.myworkdayjobs.com/en-US/MercyValley_Careers/job/Fresno-CA/Pharmacy-Technician_R-1001">our featured pharmacy technician role</a>.</p>
            </body></html>""";

    public static final String LEVER_SCRIPT = """
            <!doctype html><html><head><title>Rx Startup</title>
            <script>window.jobsConfig = {"board": "https:\\/\\/jobs.lever.co\\/rx-startup", "theme": "light"};</script>
            </head><body><div id="jobs"></div></body></html>""";

    public static final String USAJOBS_LINK = """
            <!doctype html><html><head><title>VA Medical Center careers</title></head><body>
            <a href="https://www.usajobs.gov/Search/Results?k=pharmacy%20technician&amp;l=Fresno%2C%20CA">Pharmacy jobs at the VA</a>
            </body></html>""";

    public static final String RSS_LINK = """
            <!doctype html><html><head><title>Valley Pharmacy jobs</title>
            <link rel="alternate" type="application/rss+xml" title="Open positions" href="/jobs.rss">
            <link rel="alternate" type="application/rss+xml" title="Comments" href="/comments/feed/">
            </head><body><h1>Open positions</h1></body></html>""";

    public static final String JOBS_RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Valley Pharmacy open positions</title><link>http://valley.example/jobs</link>
            <item><title>Pharmacy Technician (evenings)</title><link>http://valley.example/jobs/101</link>
              <description>Fill prescriptions at our Fresno store.</description></item>
            <item><title>Store Cashier</title><link>http://valley.example/jobs/102</link>
              <description>Front store register.</description></item>
            </channel></rss>""";

    public static final String JSON_LD = """
            <!doctype html><html><head><title>Sunrise Clinics - Jobs</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"JobPosting","title":"Certified Pharmacy Technician","url":"/jobs/cpht-1",
               "description":"<p>CPhT required.</p>","datePosted":"2026-11-20",
               "hiringOrganization":{"@type":"Organization","name":"Sunrise Clinics"},
               "jobLocation":{"@type":"Place","address":{"@type":"PostalAddress","addressLocality":"Reno","addressRegion":"NV"}}},
              {"@type":"JobPosting","title":"Medical Receptionist","url":"/jobs/rec-2","description":"Front desk.",
               "datePosted":"2026-11-21","hiringOrganization":{"@type":"Organization","name":"Sunrise Clinics"}}]}
            </script></head><body><h1>Jobs</h1></body></html>""";

    public static final String NOTHING = """
            <!doctype html><html><head><title>About us</title></head><body>
            <p>We are a family pharmacy. Call us at 555-0100. <a href="/contact">Contact</a>
            <a href="https://www.facebook.com/valleypharmacy">Facebook</a></p></body></html>""";

    /** robots.txt naming a sitemap index, whose second child lists job pages below /careers/jobs/. */
    public static void sitemaps(TestServer server) {
        String base = server.url("").toString();
        server.serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n\nSitemap: " + base + "/sitemap_index.xml\n");
        server.serve("/sitemap_index.xml", "application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>%1$s/sitemap-pages.xml</loc></sitemap>
                  <sitemap><loc>%1$s/sitemap-careers.xml</loc></sitemap>
                </sitemapindex>""".formatted(base));
        server.serve("/sitemap-pages.xml", "application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>%1$s/</loc></url><url><loc>%1$s/about</loc></url><url><loc>%1$s/blog/flu-season</loc></url>
                </urlset>""".formatted(base));
        server.serve("/sitemap-careers.xml", "application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>%1$s/careers/</loc></url>
                  <url><loc>%1$s/careers/benefits</loc></url>
                  <url><loc>%1$s/careers/jobs/1001-pharmacy-technician</loc><lastmod>2026-11-20</lastmod></url>
                  <url><loc>%1$s/careers/jobs/1002-pharmacist</loc></url>
                  <url><loc>%1$s/careers/jobs/1003-cashier</loc></url>
                </urlset>""".formatted(base));
    }
}
