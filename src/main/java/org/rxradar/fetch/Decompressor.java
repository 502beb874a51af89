package org.rxradar.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/** Undoes gzip/deflate content encoding, with the body limit applied to the inflated size (zip bombs). */
final class Decompressor {
    private Decompressor() {}

    static byte[] decode(byte[] body, String contentEncoding, long maxBytes) throws FetchException {
        if (contentEncoding == null || contentEncoding.isBlank()) return body;
        String enc = contentEncoding.trim().toLowerCase(Locale.ROOT);
        try {
            return switch (enc) {
                case "gzip", "x-gzip" -> readBounded(new GZIPInputStream(new ByteArrayInputStream(body)), maxBytes);
                case "deflate" -> inflate(body, maxBytes);
                case "identity" -> body;
                default -> throw new FetchException("unsupported Content-Encoding '" + contentEncoding + "'");
            };
        } catch (IOException e) {
            throw new FetchException("corrupt " + enc + " body: " + e.getMessage(), e);
        }
    }

    // "deflate" is zlib-wrapped by the RFC but raw deflate from some servers; try both.
    private static byte[] inflate(byte[] body, long maxBytes) throws IOException, FetchException {
        try {
            return readBounded(new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(false)), maxBytes);
        } catch (IOException zlibFailed) {
            return readBounded(new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(true)), maxBytes);
        }
    }

    private static byte[] readBounded(InputStream in, long maxBytes) throws IOException, FetchException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + (long) n > maxBytes) {
                    throw new FetchException("decompressed body is larger than the limit of " + maxBytes
                            + " bytes (fetch.max-body-size)");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }
}
