package org.rxradar.feeds;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes the list of every feed as OPML 2.0, for importing into a feed reader in one go. */
public final class OpmlWriter {
    private final String baseUrl;

    public OpmlWriter(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public byte[] write(Instant created) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16384);
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("opml");
            x.writeAttribute("version", "2.0");
            x.writeStartElement("head");
            element(x, "title", "RxRadar feeds");
            element(x, "dateCreated", DateTimeFormatter.RFC_1123_DATE_TIME.format(created.atOffset(ZoneOffset.UTC)));
            x.writeEndElement();
            x.writeStartElement("body");
            group(x, "Everything", "all");
            group(x, "By pharmacy setting", "settings");
            group(x, "By topic", "topics");
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the OPML list: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private void group(XMLStreamWriter x, String text, String facet) throws XMLStreamException {
        x.writeStartElement("outline");
        x.writeAttribute("text", text);
        for (FeedFormat format : FeedFormat.values()) {
            List<FeedCatalog.Feed> feeds = FeedCatalog.feeds(format);
            for (FeedCatalog.Feed f : feeds) {
                if (!f.facet().equals(facet)) continue;
                x.writeEmptyElement("outline");
                String title = f.title() + " (" + format.name() + ")";
                x.writeAttribute("type", "rss");
                x.writeAttribute("text", title);
                x.writeAttribute("title", title);
                x.writeAttribute("xmlUrl", baseUrl + f.path());
                x.writeAttribute("htmlUrl", baseUrl + "/");
            }
        }
        x.writeEndElement();
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(text);
        x.writeEndElement();
    }
}
