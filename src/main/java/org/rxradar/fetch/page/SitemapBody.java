package org.rxradar.fetch.page;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * The XML of a fetched sitemap as a stream. A gzip body ({@code sitemap.xml.gz}) is inflated as it
 * is read, never as a whole, and at most to the 50 MB the sitemap protocol allows (zip bombs).
 *
 * <p>Gzip is recognised by its magic bytes, whatever the URL or Content-Type says: servers label
 * {@code .xml.gz} files anything from {@code application/x-gzip} to {@code text/xml}, and a
 * {@code .gz} URL served with {@code Content-Encoding: gzip} arrives already inflated by the HTTP client.
 */
final class SitemapBody {
    /** sitemaps.org: "no larger than 50MB (52,428,800 bytes)" uncompressed. */
    static final long MAX_INFLATED = 52_428_800L;

    private SitemapBody() {}

    static InputStream open(byte[] body) throws IOException {
        return open(body, MAX_INFLATED);
    }

    static InputStream open(byte[] body, long maxInflated) throws IOException {
        InputStream raw = new ByteArrayInputStream(body);
        if (!gzipped(body)) return raw;
        try {
            return new Inflated(new GZIPInputStream(raw, 8192), maxInflated);
        } catch (IOException e) {
            throw new IOException("corrupt gzip data: " + e.getMessage(), e);
        }
    }

    static boolean gzipped(byte[] body) {
        return body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
    }

    /** Counts inflated bytes and names the problem when the data is corrupt or too large. */
    private static final class Inflated extends FilterInputStream {
        private final long max;
        private long count;

        Inflated(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (IOException e) {
                throw new IOException("corrupt gzip data: " + e.getMessage(), e);
            }
            if (n > 0) {
                count += n;
                if (count > max) throw new IOException("the gzip sitemap inflates to more than " + max + " bytes, the sitemap protocol's limit");
            }
            return n;
        }
    }
}
