package org.rxradar.tag;

import java.util.List;

/** A gazetteer name and the settings it implies; {@code fieldOnly} names are trusted only in the employer field. */
record Employer(String name, List<String> settings, boolean fieldOnly) {}
