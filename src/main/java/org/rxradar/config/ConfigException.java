package org.rxradar.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Configuration problems, each with the key it concerns, for a clear message and a non-zero exit.
 * A file's problems are reported all at once: {@link #problems()} holds one per key, and the
 * message one line per problem.
 */
public class ConfigException extends RuntimeException {
    /** One problem: the dotted key ({@code sources[1].interval}; empty for the file as a whole) and what is wrong. */
    public record Problem(String key, String problem) {
        public Problem {
            key = key == null ? "" : key;
        }

        /** {@code sources[1].interval: '5 minutes' is not a duration}. */
        public String line() {
            return key.isEmpty() ? problem : key + ": " + problem;
        }
    }

    private final List<Problem> problems;

    public ConfigException(String key, String problem) {
        this(List.of(new Problem(key, problem)));
    }

    public ConfigException(List<Problem> problems) {
        super(problems.stream().map(Problem::line).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) throw new IllegalArgumentException("problems must not be empty");
        this.problems = List.copyOf(problems);
    }

    /** The key of the first problem. */
    public String key() {
        return problems.get(0).key();
    }

    public List<Problem> problems() {
        return problems;
    }
}
