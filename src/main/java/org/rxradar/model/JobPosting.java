package org.rxradar.model;

import java.time.Instant;

/**
 * Structured job data a page published itself (schema.org JobPosting). Where present it wins over
 * what the tagger reads from text. Every field may be null.
 */
public record JobPosting(
        Salary salary,
        String employment,
        Place place,
        Instant validThrough,
        String identifier,
        Boolean directApply) {}
