package org.rxradar.digest;

/**
 * The mail server refused the digest for good (a 5xx reply): sending again will not help.
 * The caller records it on the subscriber; {@link #serverReply()} is what the server said.
 */
public class PermanentDeliveryException extends DeliveryException {
    private final int replyCode;
    private final String serverReply;

    public PermanentDeliveryException(int replyCode, String serverReply, Throwable cause) {
        super("mail server refused the message permanently: " + serverReply, cause);
        this.replyCode = replyCode;
        this.serverReply = serverReply;
    }

    public int replyCode() {
        return replyCode;
    }

    public String serverReply() {
        return serverReply;
    }
}
