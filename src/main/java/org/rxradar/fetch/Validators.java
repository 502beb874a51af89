package org.rxradar.fetch;

/** What a server told us to send back for a conditional GET; either part may be null. */
public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);

    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
