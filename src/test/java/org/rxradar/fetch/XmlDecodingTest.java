package org.rxradar.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The direct UTF-8 decoding is taken only where ROME's lenient XmlReader would decode UTF-8 too, and gives its text. */
class XmlDecodingTest {
    private static String viaXmlReader(byte[] body, String contentType) throws Exception {
        try (XmlReader r = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            StringBuilder out = new StringBuilder();
            char[] buf = new char[1024];
            int n;
            while ((n = r.read(buf)) > 0) out.append(buf, 0, n);
            return out.toString();
        }
    }

    @Test
    void utf8DeclarationIsDecodedDirectlyAsXmlReaderWould() throws Exception {
        byte[] body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><title>Café – naïve ✓</title></rss>".getBytes(StandardCharsets.UTF_8);
        byte[] broken = body.clone();
        broken[body.length - 20] = (byte) 0xC3; // a malformed sequence is replaced the same way
        for (byte[] b : new byte[][] {body, broken}) {
            for (String type : new String[] {null, "text/xml", "application/rss+xml; charset=ISO-8859-1"}) {
                assertThat(XmlFeedParser.declaredUtf8(b)).isEqualTo(viaXmlReader(b, type));
            }
        }
    }

    @Test
    void anythingElseIsLeftToXmlReader() {
        String rest = " version=\"1.0\"?><rss/>";
        assertThat(XmlFeedParser.declaredUtf8(("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss/>").getBytes(StandardCharsets.ISO_8859_1))).isNull();
        assertThat(XmlFeedParser.declaredUtf8(("<?xml" + rest).getBytes(StandardCharsets.UTF_8))).isNull(); // no encoding declared
        assertThat(XmlFeedParser.declaredUtf8(("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss/>").getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(XmlFeedParser.declaredUtf8("<rss/>".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(XmlFeedParser.declaredUtf8("<?xml-stylesheet href=\"x\"?><rss/>".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(XmlFeedParser.declaredUtf8("<?xml version=\"1.0\" encoding=\"UTF-8\" encoding=\"UTF-16\"?><rss/>"
                .getBytes(StandardCharsets.UTF_8))).isNull();
    }
}
