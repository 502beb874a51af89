package org.rxradar.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.rxradar.model.ItemIds;
import org.rxradar.model.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetch state as one JSON file per source under {@code fetch.state-dir}, written atomically
 * (temp file, then rename) so a crash leaves either the old or the new state, never half of one.
 * Local files rather than a compacted topic: the state is read on every poll of a source and is
 * owned by the one fetch process, so a file is cheaper and survives a broker that is down.
 */
public final class FetchStateStore {
    private static final Logger log = LoggerFactory.getLogger(FetchStateStore.class);
    private final Path dir;

    public FetchStateStore(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create fetch state directory " + dir.toAbsolutePath(), e);
        }
    }

    /** The stored state, or a fresh one when there is none or it cannot be read (logged). */
    public SourceState load(String sourceId, String url) {
        Path file = file(sourceId);
        if (Files.exists(file)) {
            try {
                SourceState s = Json.MAPPER.readValue(file.toFile(), SourceState.class);
                if (s.seen == null) s.seen = new java.util.HashMap<>();
                if (s.ignored == null) s.ignored = new java.util.HashMap<>();
                if (url != null && !url.equals(s.url)) {
                    // a new URL is a new source as far as validators and pausing go; seen ids stay
                    s.url = url;
                    s.etag = null;
                    s.lastModified = null;
                    s.paused = false;
                    s.pauseReason = null;
                    s.consecutiveErrors = 0;
                }
                return s;
            } catch (IOException e) {
                log.warn("fetch state {} is unreadable, starting afresh for source {}: {}", file, sourceId, e.getMessage());
            }
        }
        return SourceState.fresh(sourceId, url);
    }

    public void save(SourceState state) {
        Path file = file(state.sourceId);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(tmp, Json.bytes(state));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write fetch state " + file, e);
        }
    }

    Path file(String sourceId) {
        String safe = sourceId.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.length() > 60) safe = safe.substring(0, 60);
        return dir.resolve(safe + "-" + ItemIds.sha256(sourceId).substring(0, 8) + ".json");
    }
}
