package org.rxradar.feeds;

import org.rxradar.text.Html;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.rxradar.model.Kind;
import org.rxradar.model.TaggedItem;

/** The server-rendered front page: the feeds per setting and topic with their counts, and the latest leads. */
final class HomePage {
    private static final int LATEST_LEADS = 10;

    private HomePage() {}

    static byte[] render(FeedView view) {
        StringBuilder h = new StringBuilder(16384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>RxRadar: pharmacy technician job leads and news</title>")
                .append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"RxRadar job leads\" href=\"/feeds/jobs.atom\">")
                .append("<style>body{font-family:sans-serif;max-width:60em;margin:auto;padding:1em}")
                .append("table{border-collapse:collapse}td,th{padding:.2em .8em;text-align:left}"
                        + SubscribeForm.CSS + "</style></head><body>\n")
                .append("<h1>RxRadar</h1><p>Job leads and news for pharmacy technicians, as feeds for your reader. ")
                .append(view.count(Kind.JOB)).append(" job leads and ").append(view.count(Kind.NEWS))
                .append(" news items from the last days. <a href=\"/feeds.opml\">All feeds as OPML</a>.</p>\n")
                .append("<p><a href=\"/feeds/jobs.atom\">All job leads</a> · <a href=\"/feeds/news.atom\">All news</a></p>\n");
        SubscribeForm.append(h);
        table(h, "By pharmacy setting", "settings", view.countsBySetting());
        table(h, "By topic", "topics", view.countsByTopic());
        h.append("<h2>Latest job leads</h2>\n<ul id=\"latest-leads\">\n");
        for (TaggedItem item : view.query(FeedQuery.all().withKind(Kind.JOB).withLimit(LATEST_LEADS)).items()) {
            h.append("<li>");
            String title = item.title() == null || item.title().isBlank() ? "(untitled)" : item.title();
            if (item.url() != null && (item.url().startsWith("https://") || item.url().startsWith("http://"))) {
                h.append("<a href=\"").append(Html.escape(item.url())).append("\">").append(Html.escape(title)).append("</a>");
            } else {
                h.append(Html.escape(title));
            }
            if (item.employer() != null) h.append(" — ").append(Html.escape(item.employer()));
            h.append(" — ").append(Html.escape(FeedWriter.location(item.location())))
                    .append(" — ").append(Html.escape(FeedWriter.pay(item.salary()))).append("</li>\n");
        }
        h.append("</ul>\n</body></html>\n");
        return h.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void table(StringBuilder h, String caption, String facet, Map<String, Integer> counts) {
        h.append("<h2>").append(caption).append("</h2>\n<table id=\"").append(facet).append("\"><tr><th>Feed</th><th>Items</th><th>Formats</th></tr>\n");
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            String path = "/feeds/" + facet + "/" + e.getKey();
            h.append("<tr><td>").append(Html.escape(e.getKey())).append("</td><td>").append(e.getValue())
                    .append("</td><td><a href=\"").append(path).append(".atom\">Atom</a> <a href=\"")
                    .append(path).append(".rss\">RSS</a></td></tr>\n");
        }
        h.append("</table>\n");
    }
}
