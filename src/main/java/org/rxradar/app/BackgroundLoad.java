package org.rxradar.app;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Something slow to build (the tagger: its embedding model is loaded and fitted) built on a thread
 * of its own while the caller does other slow things (starting the broker), then taken with
 * {@link #get()}, which waits for it. A failure is thrown by {@code get()} as the loader threw it,
 * so the caller sees the same exception (and exit code) as when it built the thing itself.
 */
public final class BackgroundLoad<T> {
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private BackgroundLoad(String name, Supplier<T> loader) {
        Thread t = new Thread(() -> {
            try {
                result.complete(Objects.requireNonNull(loader.get(), name + " loaded as null"));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, name);
        t.setDaemon(true); // a start that fails meanwhile must not wait for it to exit
        t.start();
    }

    /** Starts building on a daemon thread named {@code name}. */
    public static <T> BackgroundLoad<T> start(String name, Supplier<T> loader) {
        return new BackgroundLoad<>(name, loader);
    }

    /** True once built or failed: {@link #get()} then returns at once. */
    public boolean isDone() {
        return result.isDone();
    }

    /** Waits until built and returns it, or throws what the loader threw. */
    public T get() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true; // finish waiting: the caller cannot go on without it
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) throw r;
                    if (cause instanceof Error err) throw err;
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
