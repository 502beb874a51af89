package org.rxradar.digest;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivery without an SMTP server: each digest becomes {@code <outbox>/<date>-<subscriber-id>.eml}
 * (the full message, openable in any mail client) plus an {@code .html} copy to open in a browser.
 *
 * <p>Files are written to a temporary name and then hard-linked into place, which is atomic and
 * fails when the name is taken: an existing digest is never overwritten. A second digest for the
 * same subscriber and day gets a {@code -2}, {@code -3}… suffix and a warning in the log.
 */
public final class OutboxMailer implements Mailer {
    private static final Logger log = LoggerFactory.getLogger(OutboxMailer.class);
    private static final int MAX_SUFFIX = 1000;

    private final Path outbox;

    public OutboxMailer(Path outbox) {
        this.outbox = outbox;
    }

    public Path outbox() {
        return outbox;
    }

    @Override
    public String describe() {
        return "outbox " + outbox;
    }

    @Override
    public void send(MimeMessage message, String label) throws DeliveryException {
        try {
            Files.createDirectories(outbox);
            ByteArrayOutputStream eml = new ByteArrayOutputStream(32 * 1024);
            message.writeTo(eml);
            String html = htmlPart(message);
            String base = SubscriberIds.safe(label);
            Path written = place(base, eml.toByteArray(), html == null ? null : html.getBytes(StandardCharsets.UTF_8));
            log.info("mail {} written to {}", label, written);
        } catch (IOException | MessagingException e) {
            throw new DeliveryException("cannot write mail " + label + " to " + outbox + ": " + e.getMessage(), e);
        }
    }

    /** Claims the first free name (the .eml decides) and writes both files; returns the .eml path. */
    private Path place(String base, byte[] eml, byte[] html) throws IOException {
        for (int n = 1; n <= MAX_SUFFIX; n++) {
            String name = n == 1 ? base : base + "-" + n;
            Path target = outbox.resolve(name + ".eml");
            if (Files.exists(target)) continue;
            try {
                writeNew(target, eml);
            } catch (FileAlreadyExistsException e) {
                continue; // another writer took the name between the check and the link
            }
            if (n > 1) log.warn("{} already existed; this digest was written as {}", outbox.resolve(base + ".eml"), target);
            if (html != null) {
                Path htmlTarget = outbox.resolve(name + ".html");
                try {
                    writeNew(htmlTarget, html);
                } catch (FileAlreadyExistsException e) {
                    log.warn("{} exists and was kept; the HTML copy of {} was not written", htmlTarget, target);
                }
            }
            return target;
        }
        throw new IOException("more than " + MAX_SUFFIX + " digests named " + base + " in " + outbox);
    }

    /** Writes a temporary file, syncs it, and links it to {@code target}: atomic, never replaces. */
    private static void writeNew(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) ch.write(buffer);
                ch.force(true); // the content is on disk before the name appears
            }
            try {
                Files.createLink(target, tmp);
            } catch (UnsupportedOperationException e) {
                // no hard links on this file system: a plain move, which still fails when the target exists
                Files.move(tmp, target);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The text/html alternative of the message, or null when it has none. */
    static String htmlPart(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/html")) return (String) part.getContent();
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                String html = htmlPart(child);
                if (html != null) return html;
            }
        }
        return null;
    }
}
