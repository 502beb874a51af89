package org.rxradar.feeds;

/** The two syndication formats served, with ROME's name for each and the media type. */
public enum FeedFormat {
    ATOM("atom", "atom_1.0", "application/atom+xml; charset=utf-8"),
    RSS("rss", "rss_2.0", "application/rss+xml; charset=utf-8");

    private final String extension;
    private final String romeType;
    private final String contentType;

    FeedFormat(String extension, String romeType, String contentType) {
        this.extension = extension;
        this.romeType = romeType;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String romeType() {
        return romeType;
    }

    public String contentType() {
        return contentType;
    }

    /** The media type without parameters, as link elements want it. */
    public String mediaType() {
        return contentType.substring(0, contentType.indexOf(';'));
    }

    /** The format for a file extension ("atom", "rss"), or null. */
    public static FeedFormat forExtension(String ext) {
        for (FeedFormat f : values()) {
            if (f.extension.equals(ext)) return f;
        }
        return null;
    }
}
