package org.rxradar.digest;

/** A digest could not be delivered now; sending it again later may work (a 4xx reply, a lost connection, a full disk). */
public class DeliveryException extends Exception {
    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
