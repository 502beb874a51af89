package org.rxradar.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Politeness per host: at most N requests in flight and a minimum delay between request starts.
 * Waiting happens on the worker that wants the host, so a slow host delays only its own sources.
 */
final class HostLimiter {
    private final int perHost;
    private final long delayNanos;
    private final ConcurrentHashMap<String, Host> hosts = new ConcurrentHashMap<>();

    private static final class Host {
        final Semaphore permits;
        long nextStart;

        Host(int n) {
            permits = new Semaphore(n, true);
        }
    }

    HostLimiter(int perHost, Duration minDelay) {
        this.perHost = Math.max(1, perHost);
        this.delayNanos = Math.max(0, minDelay.toNanos());
    }

    /** Blocks until this host may be asked again; the returned permit must be closed. */
    AutoCloseable acquire(URI url) throws InterruptedException {
        Host h = hosts.computeIfAbsent(key(url), k -> new Host(perHost));
        h.permits.acquire();
        try {
            long start;
            synchronized (h) {
                long now = System.nanoTime();
                start = Math.max(now, h.nextStart);
                h.nextStart = start + delayNanos;
            }
            long wait = start - System.nanoTime();
            if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } catch (InterruptedException e) {
            h.permits.release();
            throw e;
        }
        return h.permits::release;
    }

    /** What runs under a host's permit. */
    interface Fetch {
        FetchResponse run() throws FetchException;
    }

    /**
     * Runs {@code fetch} under {@code url}'s host permit: the one polite way every fetcher asks a
     * host, with interruption and surprises turned into readable {@link FetchException}s.
     */
    FetchResponse fetch(URI url, Fetch fetch) throws FetchException {
        try (AutoCloseable permit = acquire(url)) {
            return fetch.run();
        } catch (FetchException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted");
        } catch (Exception e) {
            throw new FetchException("fetch failed: " + e.getMessage(), e);
        }
    }

    static String key(URI url) {
        return (url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT)) + ":" + url.getPort();
    }
}
