package org.rxradar.fetch;

import java.util.concurrent.Semaphore;

/**
 * How many sources are fetched (asked, read, parsed) at the same time: {@code fetch.threads}. A
 * worker takes a slot before its poll and gives it back as soon as the poll is handed to be
 * stored, so a poll waiting for its Kafka transaction to commit does not keep the next source
 * from being fetched: the writer's transaction then holds the polls of more than
 * {@code fetch.threads} workers, and the stage's pace is set by fetching, not by commit round trips.
 */
final class FetchSlots {
    private final Semaphore slots;
    // whether this worker holds a slot now: given back once, by whichever comes first
    private final ThreadLocal<Boolean> held = ThreadLocal.withInitial(() -> Boolean.FALSE);

    FetchSlots(int slots) {
        this.slots = new Semaphore(Math.max(1, slots), true);
    }

    /** Waits for a slot for this worker's poll. */
    void take() throws InterruptedException {
        slots.acquire();
        held.set(Boolean.TRUE);
    }

    /** Gives this worker's slot back, if it holds one (the poll is being stored, or it ended). */
    void giveBack() {
        if (held.get()) {
            held.set(Boolean.FALSE);
            slots.release();
        }
    }

    /** Slots free now (tests). */
    int free() {
        return slots.availablePermits();
    }
}
