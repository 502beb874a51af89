package org.rxradar.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Employer and location of each entry of a job feed, whatever element names the board used
 * ({@code <company>}, {@code <job:employer>}, {@code <g:location>}…). ROME keeps only namespaced
 * extension elements, so job feeds get this second, lenient read (jsoup's XML parser never loads
 * DTDs or entities). Entries are matched by position.
 */
final class JobFeedFields {
    record Fields(String employer, String location) {}

    private static final List<String> EMPLOYER = List.of("company", "employer", "hiringorganization", "companyname", "organization");
    private static final List<String> LOCATION = List.of("location", "joblocation", "city", "place");

    private JobFeedFields() {}

    static List<Fields> read(String xml) {
        Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
        List<Fields> out = new ArrayList<>();
        for (Element entry : doc.select("item, entry")) {
            out.add(new Fields(child(entry, EMPLOYER), child(entry, LOCATION)));
        }
        return out;
    }

    private static String child(Element entry, List<String> names) {
        for (Element c : entry.children()) {
            String name = c.tagName().toLowerCase(Locale.ROOT);
            String local = name.substring(name.indexOf(':') + 1);
            if (names.contains(local)) {
                Element nameChild = c.selectFirst("name");
                String text = nameChild != null ? nameChild.text() : c.text();
                if (!text.isBlank()) return text.trim();
            }
        }
        return null;
    }
}
