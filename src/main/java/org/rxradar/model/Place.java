package org.rxradar.model;

/**
 * Where a job is: the text as published plus what could be read from it.
 * JSON: {@code {"text":"Fresno, CA","city":"Fresno","state":"CA","remote":false}}.
 */
public record Place(String text, String city, String state, boolean remote) {
    public static Place unknown(String text) {
        return new Place(text, null, null, false);
    }
}
