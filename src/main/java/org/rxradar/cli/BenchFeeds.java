package org.rxradar.cli;

/**
 * Generated RSS feeds for the benchmarks: items of about 1.5 KB (a title, a link, a date and a
 * summary of a few paragraphs), as a news site's feed has; every item's link is unique.
 */
final class BenchFeeds {
    private static final String[] SETTINGS = {"hospital", "retail", "compounding", "long-term care", "mail-order", "nuclear"};
    private static final String SUMMARY = "&lt;p&gt;Pharmacy technicians are asked to prepare sterile IV admixtures, keep the "
            + "controlled-substance counts, and handle prior authorizations with insurers. The role pays $19 to $24 an hour "
            + "depending on certification (CPhT, PTCB) and experience; evening and weekend shifts are common.&lt;/p&gt;"
            + "&lt;p&gt;Employers report that technicians with sterile compounding experience under USP 797 are hard to find, "
            + "and several health systems now train them on the job. The state boards of pharmacy continue to update the "
            + "ratio of technicians to pharmacists allowed on duty, and more technicians administer vaccines.&lt;/p&gt;"
            + "&lt;p&gt;Automation (dispensing cabinets, robots in central fill) changes the daily work rather than replacing "
            + "it: inventory, billing and patient questions take a larger share of a shift.&lt;/p&gt;";

    private BenchFeeds() {}

    /**
     * The local feed server answers at once, as a real one does: without TCP_NODELAY the JDK server's
     * separate header and body writes wait for the client's delayed ACK, some 40 ms a request, which
     * held {@code bench fetch} to half its rate. Called before the first server is made (the JDK reads
     * the property once).
     */
    static void noDelay() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    static String rss(int feed, int items) {
        StringBuilder s = new StringBuilder(items * 1600 + 256)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>")
                .append("<title>Feed ").append(feed).append("</title><link>http://bench.example/").append(feed).append("/</link>")
                .append("<description>Generated feed ").append(feed).append("</description>");
        for (int i = 0; i < items; i++) {
            String setting = SETTINGS[(feed + i) % SETTINGS.length];
            s.append("<item><title>").append(i % 2 == 0 ? "Pharmacy technician, " + setting + " pharmacy (item " : "News on " + setting
                            + " pharmacy practice (item ").append(i).append(" of feed ").append(feed).append(")</title>")
                    .append("<link>http://bench.example/").append(feed).append("/item/").append(i).append("</link>")
                    .append("<guid>http://bench.example/").append(feed).append("/item/").append(i).append("</guid>")
                    .append("<description>").append(SUMMARY).append("</description>")
                    .append("<pubDate>Mon, 23 Nov 2026 10:").append(String.format("%02d", i % 60)).append(":00 GMT</pubDate></item>");
        }
        return s.append("</channel></rss>").toString();
    }
}
