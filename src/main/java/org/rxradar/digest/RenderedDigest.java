package org.rxradar.digest;

/** A digest as the reader sees it: subject line, plain-text body, HTML body. */
public record RenderedDigest(String subject, String text, String html) {}
