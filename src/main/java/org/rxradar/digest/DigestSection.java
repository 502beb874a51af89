package org.rxradar.digest;

import java.util.List;

/** A group of entries under one heading: a pharmacy setting for leads, a topic for news. */
public record DigestSection(String id, String label, List<DigestEntry> entries) {
    public DigestSection {
        entries = List.copyOf(entries);
    }
}
