package org.rxradar.digest;

/**
 * The mail server refused the digest for good (a 5xx reply), or it cannot be sent at all (reply
 * code 0: not a valid address, a digest that cannot be built): sending again will not help. The
 * caller records it on the subscriber; {@link #serverReply()} is what the server said, or why.
 */
public class PermanentDeliveryException extends DeliveryException {
    private final int replyCode;
    private final String serverReply;

    public PermanentDeliveryException(int replyCode, String serverReply, Throwable cause) {
        super(replyCode == 0 ? serverReply : "mail server refused the message permanently: " + serverReply, cause);
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
