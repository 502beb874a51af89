package org.rxradar.digest;

import jakarta.mail.internet.MimeMessage;

/** Delivers one digest message. Implementations are thread-safe. */
public interface Mailer extends AutoCloseable {
    /**
     * @throws PermanentDeliveryException the receiving side refused it for good
     * @throws DeliveryException          it could not be delivered now (retries are already spent)
     */
    void send(MimeMessage message, Digest digest) throws DeliveryException;

    /** Where messages go, for logs: "smtp://host:587" or "outbox ./outbox". */
    String describe();

    /** Releases connections; the mailer may still be used afterwards. */
    @Override
    default void close() {}
}
