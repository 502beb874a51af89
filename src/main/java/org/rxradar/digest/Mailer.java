package org.rxradar.digest;

import jakarta.mail.internet.MimeMessage;

/** Delivers one message (a digest, a confirmation). Implementations are thread-safe. */
public interface Mailer extends AutoCloseable {
    /**
     * @param label names the message in log lines and outbox files: {@link #label(Digest)} for a
     *              digest, {@code 2026-12-01-confirm-s-1a2b…} for a confirmation
     * @throws PermanentDeliveryException the receiving side refused it for good
     * @throws DeliveryException          it could not be delivered now (retries are already spent)
     */
    void send(MimeMessage message, String label) throws DeliveryException;

    /** The label of a digest: its period and subscriber ({@code 2026-12-01-s-1a2b…}). */
    static String label(Digest digest) {
        return digest.period() + "-" + SubscriberIds.safe(digest.subscriberId());
    }

    /** Where messages go, for logs: "smtp://host:587" or "outbox ./outbox". */
    String describe();

    /** Releases connections; the mailer may still be used afterwards. */
    @Override
    default void close() {}
}
