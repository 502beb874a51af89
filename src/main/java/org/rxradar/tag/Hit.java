package org.rxradar.tag;

/** A cue found in an item: tokens {@code [start, end)}, from which part, and whether a negation governs it. */
record Hit(Cue cue, int start, int end, int part, boolean negated) {
    int length() {
        return end - start;
    }

    boolean overlaps(Hit other) {
        return start < other.end && other.start < end;
    }
}
