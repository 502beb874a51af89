package org.rxradar.model;

/**
 * What is wrong with one field of a value where it enters, in words for a person.
 *
 * @param field the field as written in the config file ({@code send-at}, {@code notify[1].slack}); empty for the whole value
 */
public record FieldProblem(String field, String message) {
    public FieldProblem within(String prefix) {
        if (prefix == null || prefix.isEmpty()) return this;
        return new FieldProblem(field.isEmpty() ? prefix : prefix + (field.startsWith("[") ? "" : ".") + field, message);
    }

    @Override
    public String toString() {
        return field.isEmpty() ? message : field + ": " + message;
    }
}
