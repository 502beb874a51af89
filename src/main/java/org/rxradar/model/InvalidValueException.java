package org.rxradar.model;

import java.util.List;
import java.util.stream.Collectors;

/** A value that cannot enter: every problem at once, each naming its field. */
public final class InvalidValueException extends IllegalArgumentException {
    private final transient List<FieldProblem> problems;

    public InvalidValueException(List<FieldProblem> problems) {
        super(problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
