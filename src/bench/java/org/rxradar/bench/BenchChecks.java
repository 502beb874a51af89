package org.rxradar.bench;

/** A benchmark's figures count only when it did the whole job: a wrong count ends the run with the reason. */
public final class BenchChecks {
    private BenchChecks() {}

    /** @throws IllegalStateException naming what was counted when {@code actual} is not {@code expected} */
    public static void same(String what, long actual, long expected) {
        if (actual != expected) {
            throw new IllegalStateException("benchmark invalid: " + what + " = " + actual + ", expected " + expected);
        }
    }
}
