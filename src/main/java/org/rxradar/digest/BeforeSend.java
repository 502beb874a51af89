package org.rxradar.digest;

import java.util.List;

/**
 * Told what is about to be handed to the mail server, just before it is: the deliver stage records
 * it as the send intent ({@code delivery: sending}), so that a crash between the mail leaving and
 * its result being recorded is known after a restart and the digest is not sent twice. Throwing
 * stops the send: nothing is handed over.
 */
@FunctionalInterface
public interface BeforeSend {
    BeforeSend NOTHING = (messageId, itemIds, leads, news) -> {};

    void sending(String messageId, List<String> itemIds, int leads, int news);
}
