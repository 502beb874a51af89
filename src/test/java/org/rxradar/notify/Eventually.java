package org.rxradar.notify;

import java.util.function.BooleanSupplier;

/** Waits for something another thread does (a background send, a record read back), within a bound. */
final class Eventually {
    private Eventually() {}

    static void holds(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("still not true after 30 s: " + what);
            Thread.sleep(20);
        }
    }
}
