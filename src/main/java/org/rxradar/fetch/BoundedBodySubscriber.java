package org.rxradar.fetch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a byte limit and records when the last bytes arrived, so the
 * caller can enforce an idle (read) timeout. Past the limit it cancels the download and fails.
 */
final class BoundedBodySubscriber implements BodySubscriber<byte[]> {
    private static final int MAX_PRESIZE = 1024 * 1024;
    private final long maxBytes;
    private final ByteArrayOutputStream buffer;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile long lastActivityNanos = System.nanoTime();

    private final boolean truncate;

    /** @param truncate past the limit, keep what arrived and stop (error bodies) instead of failing */
    BoundedBodySubscriber(long maxBytes, boolean truncate) {
        this(maxBytes, truncate, -1);
    }

    /** @param declaredLength the Content-Length, or -1: sizes the buffer once instead of growing it */
    BoundedBodySubscriber(long maxBytes, boolean truncate, long declaredLength) {
        this.maxBytes = maxBytes;
        this.truncate = truncate;
        long size = Math.min(Math.min(declaredLength, maxBytes), MAX_PRESIZE); // a server's claim never sizes memory unbounded
        this.buffer = new ByteArrayOutputStream(size > 0 ? (int) size : 8192);
    }

    long lastActivityNanos() {
        return lastActivityNanos;
    }

    void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) s.cancel();
    }

    /** Stops the download and fails the body with {@code reason} (a timeout noticed by a watchdog). */
    void abort(String reason) {
        cancel();
        result.completeExceptionally(new AbortedException(reason));
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        lastActivityNanos = System.nanoTime();
        if (result.isDone()) return;
        for (ByteBuffer b : items) {
            if (buffer.size() + (long) b.remaining() > maxBytes) {
                cancel();
                if (truncate) result.complete(buffer.toByteArray());
                else result.completeExceptionally(new BodyTooLargeException(maxBytes));
                return;
            }
            if (b.hasArray()) {
                buffer.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
                b.position(b.limit());
            } else {
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                buffer.write(chunk, 0, chunk.length);
            }
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(buffer.toByteArray());
    }

    static final class AbortedException extends RuntimeException {
        AbortedException(String reason) {
            super(reason, null, false, false);
        }
    }

    static final class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException(long max) {
            super("response body is larger than the limit of " + max + " bytes (fetch.max-body-size)");
        }
    }
}
