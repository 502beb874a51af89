package org.rxradar.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A credential a job lead asks for: {@code PTCB-CPhT}, {@code NHA-ExCPT}, {@code STATE-LICENSE} or {@code CSPT},
 * or one of several ("PTCB CPhT or NHA ExCPT accepted").
 *
 * @param id       the credential; for an either/or requirement the first of {@link #anyOf}, so a reader that
 *                 knows only {@code id} still sees a credential the lead accepts
 * @param required required, else preferred
 * @param anyOf    the alternatives of an either/or requirement, any one of which satisfies it, in the
 *                 taxonomy's order; empty (and left out of the JSON) for a single credential, so records
 *                 written before the field existed read as single credentials
 */
public record Certification(String id, boolean required, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> anyOf) {

    /** A single credential. */
    public Certification(String id, boolean required) {
        this(id, required, List.of());
    }

    @JsonCreator
    public Certification {
        anyOf = anyOf == null ? List.of() : anyOf.stream().filter(a -> a != null && !a.isBlank()).distinct().toList();
        if ((id == null || id.isBlank()) && !anyOf.isEmpty()) id = anyOf.get(0);
        if (anyOf.size() == 1 && anyOf.get(0).equals(id)) anyOf = List.of();
    }

    /** An either/or requirement, the alternatives in the given order; one alternative is a single credential. */
    public static Certification anyOf(List<String> alternatives, boolean required) {
        if (alternatives.isEmpty()) throw new IllegalArgumentException("alternatives must not be empty");
        return alternatives.size() == 1 ? new Certification(alternatives.get(0), required)
                : new Certification(alternatives.get(0), required, alternatives);
    }

    /** The credentials that satisfy it: {@link #anyOf}, or the one {@link #id}. */
    public List<String> alternatives() {
        return anyOf.isEmpty() ? (id == null ? List.of() : List.of(id)) : anyOf;
    }

    /** True for an either/or requirement. */
    public boolean hasAlternatives() {
        return anyOf.size() > 1;
    }

    /** What a trend counts it under: the id, or the alternatives joined by {@code |} ("PTCB-CPhT|NHA-ExCPT"). */
    public String key() {
        return String.join(Labels.ALTERNATIVES, alternatives());
    }

    /** What a person reads: "PTCB CPhT", "PTCB CPhT or NHA ExCPT". */
    public String label() {
        return Labels.of(key());
    }
}
