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
 * Fetch state as one JSON file per source in a directory, written atomically (temp file, then
 * rename) so a crash leaves either the old or the new state, never half of one.
 *
 * <p>The pipeline keeps its fetch state in the {@code rxradar.fetch.state} topic (see {@link FetchGroup});
 * this store serves the fetch stage run without Kafka (tests, {@code bench fetch --no-kafka}) and,
 * read-only ({@link #legacy}), takes over the files that versions before it wrote to
 * {@code fetch.state-dir}: a source with no state in the topic starts from its file, once.
 */
public final class FetchStateStore {
    private static final Logger log = LoggerFactory.getLogger(FetchStateStore.class);
    private final Path dir;

    private FetchStateStore(Path dir, boolean create) {
        this.dir = dir;
        if (!create) return;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create fetch state directory " + dir.toAbsolutePath(), e);
        }
    }

    /** A store in {@code dir}, created when missing. */
    public FetchStateStore(Path dir) {
        this(dir, true);
    }

    /** The files an earlier version left in {@code dir}, read only: nothing is created or written there. */
    static FetchStateStore legacy(Path dir) {
        return new FetchStateStore(dir, false);
    }

    /** True when there is a file for the source. */
    boolean has(String sourceId) {
        return Files.isRegularFile(file(sourceId));
    }

    /** The stored state, or a fresh one when there is none or it cannot be read (logged). */
    public SourceState load(String sourceId, String url) {
        Path file = file(sourceId);
        if (Files.exists(file)) {
            try {
                SourceState s = Json.MAPPER.readValue(file.toFile(), SourceState.class);
                if (s.seen == null) s.seen = new java.util.HashMap<>();
                if (s.ignored == null) s.ignored = new java.util.HashMap<>();
                return s.forUrl(url);
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
