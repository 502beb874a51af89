package org.rxradar.fetch;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedParser;
import com.rometools.rome.io.impl.Atom10Parser;
import com.rometools.rome.io.impl.FeedParsers;
import com.rometools.rome.io.impl.RSS20Parser;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * The parser ROME picks for a document, except that for RSS 2.0 and Atom 1.0 (most feeds) a twin
 * is used that reads the dates of items and entries with {@link FeedDates} when their text is in
 * a common shape, instead of ROME's date parser (a new {@code SimpleDateFormat} per try, and an
 * RSS item's pubDate read twice). Everything else, including every other date, is ROME's own code.
 * One instance per thread: ROME's parsers are not documented as thread-safe.
 */
final class RomeParsers {
    private final FeedParsers rome = new FeedParsers();
    private final Rss20 rss20 = new Rss20();
    private final Atom10 atom10 = new Atom10();

    /** The parser for {@code doc}, or null when ROME knows none (not a feed). */
    WireFeedParser parserFor(Document doc) {
        WireFeedParser chosen = rome.getParserFor(doc);
        if (chosen == null) return null;
        if (chosen.getClass() == RSS20Parser.class) return rss20;
        if (chosen.getClass() == Atom10Parser.class) return atom10;
        return chosen;
    }

    private static final class Rss20 extends RSS20Parser {
        private final XMLOutputter markup = new XMLOutputter(Format.getRawFormat());

        @Override
        public Item parseItem(Element rssRoot, Element eItem, Locale locale) {
            Item item = withDate(eItem, "pubDate", getRSSNamespace(), () -> super.parseItem(rssRoot, eItem, locale),
                    (it, when) -> it.setPubDate(when));
            // a title written as naked markup (<title><b>Bold</b> news</title>): ROME reads only its direct text;
            // its markup, as for a description, is left for the text cleaner (an image alone stays no title text)
            Element title = eItem.getChild("title", getRSSNamespace());
            if (title != null && !title.getChildren().isEmpty()) item.setTitle(markup.outputString(title.getContent()));
            return item;
        }
    }

    private static final class Atom10 extends Atom10Parser {
        @Override
        protected Entry parseEntry(Feed feed, Element eEntry, String baseURI, Locale locale) {
            return withDate(eEntry, "published", getAtomNamespace(),
                    () -> withDate(eEntry, "updated", getAtomNamespace(), () -> super.parseEntry(feed, eEntry, baseURI, locale),
                            (entry, when) -> entry.setUpdated(when)),
                    (entry, when) -> entry.setPublished(when));
        }
    }

    interface DateSetter<T> {
        void set(T target, Date when);
    }

    /**
     * Runs ROME's {@code parse} with the one {@code name} child of {@code element} taken out when
     * {@link FeedDates} reads its text, then puts the child back and sets the date it holds.
     * With no such child, several, or an uncommon date text, ROME does it all as before.
     */
    static <T> T withDate(Element element, String name, Namespace ns, Supplier<T> parse, DateSetter<T> setDate) {
        List<Element> dates = element.getChildren(name, ns);
        if (dates.size() != 1) return parse.get();
        Element date = dates.get(0);
        Instant when = FeedDates.readCommon(date.getText());
        if (when == null) return parse.get();
        int at = element.indexOf(date);
        element.removeContent(at);
        T parsed;
        try {
            parsed = parse.get();
        } finally {
            element.addContent(at, date);
        }
        setDate.set(parsed, Date.from(when));
        return parsed;
    }
}
