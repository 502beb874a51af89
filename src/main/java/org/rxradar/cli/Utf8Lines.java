package org.rxradar.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Lines of a JSON-lines input, each decoded as UTF-8 on its own: a line that is not UTF-8 is
 * reported by its number and the others are still read (a reader that replaces bad bytes would
 * let a mangled address through; one that throws would stop at the first bad line).
 */
final class Utf8Lines {
    /** One line: its text, or, when it is not UTF-8, a null text and a problem. */
    @FunctionalInterface
    interface Handler {
        void line(int number, String text, String problem);
    }

    private Utf8Lines() {}

    static void read(InputStream input, Handler handler) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        InputStream in = new BufferedInputStream(input);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int number = 0;
        for (int b; ; ) {
            b = in.read();
            if (b == '\n' || (b < 0 && line.size() > 0)) {
                number++;
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                try {
                    handler.line(number, decoder.reset().decode(ByteBuffer.wrap(bytes, 0, length)).toString(), null);
                } catch (CharacterCodingException e) {
                    handler.line(number, null, "not valid UTF-8");
                }
                line.reset();
            } else if (b >= 0) {
                line.write(b);
            }
            if (b < 0) return;
        }
    }
}
