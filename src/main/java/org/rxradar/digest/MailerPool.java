package org.rxradar.digest;

import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

/**
 * Several mailers used side by side: each {@link SmtpMailer} sends on one connection at a time, so
 * parallel delivery takes a free one from the pool per message. With {@code size} 1 it is the
 * single mailer.
 */
public final class MailerPool implements Mailer {
    private final List<Mailer> all;
    private final BlockingQueue<Mailer> free;

    public MailerPool(int size, Supplier<Mailer> factory) {
        if (size < 1) throw new IllegalArgumentException("pool size must be at least 1, not " + size);
        this.all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) all.add(factory.get());
        this.free = new ArrayBlockingQueue<>(size, false, all);
    }

    @Override
    public void send(MimeMessage message, String label) throws DeliveryException {
        Mailer m;
        try {
            m = free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while waiting for a free connection", e);
        }
        try {
            m.send(message, label);
        } finally {
            free.add(m);
        }
    }

    public int size() {
        return all.size();
    }

    @Override
    public String describe() {
        return all.get(0).describe();
    }

    @Override
    public void close() {
        for (Mailer m : all) m.close();
    }
}
