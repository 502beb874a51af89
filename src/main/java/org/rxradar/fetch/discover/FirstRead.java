package org.rxradar.fetch.discover;

import org.rxradar.config.RxRadarConfig;
import org.rxradar.fetch.FetchException;
import org.rxradar.fetch.ListingPreview;
import org.rxradar.fetch.ats.Listing;

/** One read of a found source, summed up in a line for the block's comments: what a first poll would get. */
public final class FirstRead {
    private FirstRead() {}

    /** "first read: 40 postings listed, 3 match the search phrases", or why the read failed. */
    public static String summary(ListingPreview preview, RxRadarConfig.Source source) {
        try {
            Listing listing = preview.read(source);
            return describe(listing);
        } catch (FetchException e) {
            return "first read failed: " + e.getMessage();
        } catch (RuntimeException e) {
            // a reader's bug must not cost the operator the blocks already found
            return "first read failed: " + e;
        }
    }

    static String describe(Listing listing) {
        int listed = listing.listed().size();
        int matched = listing.items().size();
        return "first read: " + listed + (listed == 1 ? " posting" : " postings") + " listed, " + matched
                + (matched == 1 ? " matches" : " match") + " the search phrases"
                + (listing.notice() == null ? "" : " (" + listing.notice() + ")");
    }
}
