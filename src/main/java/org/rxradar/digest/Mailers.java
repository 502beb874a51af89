package org.rxradar.digest;

import java.nio.file.Path;
import org.rxradar.config.RxRadarConfig;

/** Picks the delivery: SMTP when {@code mail.smtp.host} is set, the outbox directory otherwise. */
public final class Mailers {
    private Mailers() {}

    public static Mailer fromConfig(RxRadarConfig.Mail mail) {
        if (mail.smtp().enabled()) return new SmtpMailer(mail.smtp());
        return new OutboxMailer(Path.of(mail.outbox()));
    }
}
