package org.rxradar.tag;

import java.util.List;

/**
 * A gazetteer name and the settings it implies; {@code fieldOnly} names are trusted only in the
 * employer field; {@code parent} is the chain a division belongs to (null for a top-level entry).
 */
record Employer(String name, List<String> settings, boolean fieldOnly, String parent) {}
