package org.rxradar.digest;

import jakarta.mail.MessagingException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/** Reads the SMTP reply out of a Jakarta Mail failure, which nests it in exception chains. */
final class SmtpFailures {
    /** The server's refusal: reply code and text. */
    record Reply(int code, String text) {
        boolean permanent() {
            return code >= 500 && code < 600;
        }
    }

    private SmtpFailures() {}

    /** The first error reply (4xx or 5xx) in the chain, or null when the failure carries none (e.g. a lost connection). */
    static Reply reply(Throwable failure) {
        return find(failure, new IdentityHashMap<>());
    }

    private static Reply find(Throwable t, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, Boolean.TRUE) != null) return null;
        int code = -1;
        if (t instanceof SMTPSendFailedException e) code = e.getReturnCode();
        else if (t instanceof SMTPAddressFailedException e) code = e.getReturnCode();
        else if (t instanceof SMTPSenderFailedException e) code = e.getReturnCode();
        if (code >= 400 && code < 600) return new Reply(code, t.getMessage() == null ? String.valueOf(code) : t.getMessage().trim());
        if (t instanceof MessagingException me) {
            Reply next = find(me.getNextException(), seen);
            if (next != null) return next;
        }
        return find(t.getCause(), seen);
    }
}
