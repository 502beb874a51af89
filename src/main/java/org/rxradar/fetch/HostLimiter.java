package org.rxradar.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Politeness per host: at most N requests in flight and a minimum delay between request starts:
 * the configured one, or the host's robots.txt {@code Crawl-delay} when that is longer.
 * Waiting happens on the worker that wants the host, so a slow host delays only its own sources.
 */
final class HostLimiter {
    private final int perHost;
    private final long delayNanos;
    private final ConcurrentHashMap<String, Host> hosts = new ConcurrentHashMap<>();

    private static final class Host {
        final Semaphore permits;
        long delayNanos;
        long lastStart;
        long nextStart;

        Host(int n, long delayNanos) {
            permits = new Semaphore(n, true);
            this.delayNanos = delayNanos;
        }
    }

    HostLimiter(int perHost, Duration minDelay) {
        this.perHost = Math.max(1, perHost);
        this.delayNanos = Math.max(0, minDelay.toNanos());
    }

    /** Blocks until this host may be asked again; the returned permit must be closed. */
    AutoCloseable acquire(URI url) throws InterruptedException {
        Host h = host(url);
        h.permits.acquire();
        try {
            long start;
            synchronized (h) {
                long now = System.nanoTime();
                start = Math.max(now, h.nextStart);
                h.lastStart = start;
                h.nextStart = start + h.delayNanos;
            }
            long wait = start - System.nanoTime();
            if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } catch (InterruptedException e) {
            h.permits.release();
            throw e;
        }
        return h.permits::release;
    }

    /**
     * The host's robots.txt asks for {@code crawlDelay} between requests: its delay becomes the
     * longer of that and the configured one (zero: back to the configured one), from the last start on.
     */
    void crawlDelay(URI url, Duration crawlDelay) {
        Host h = host(url);
        synchronized (h) {
            h.delayNanos = Math.max(delayNanos, crawlDelay.toNanos());
            h.nextStart = Math.max(h.nextStart, h.lastStart + h.delayNanos);
        }
    }

    /** The delay between request starts now in force for the host. */
    Duration delay(URI url) {
        Host h = host(url);
        synchronized (h) {
            return Duration.ofNanos(h.delayNanos);
        }
    }

    /** Workers waiting for one of the host's permits (tests: a request waiting its turn). */
    int waiting(URI url) {
        return host(url).permits.getQueueLength();
    }

    private Host host(URI url) {
        return hosts.computeIfAbsent(key(url), k -> new Host(perHost, delayNanos));
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
