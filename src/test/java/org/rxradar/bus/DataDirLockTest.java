package org.rxradar.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data-directory lock within one JVM (two processes: {@code cli.RunningInstanceIT}): one
 * holder at a time, its pid in the lock file, its broker address published beside it and removed
 * when it lets go, a stale address never believed.
 */
class DataDirLockTest {
    @TempDir
    Path dir;

    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void oneHolderAtATimeWithItsPidInTheLockFile() throws Exception {
        Path data = dir.resolve("kafka");
        try (DataDirLock lock = DataDirLock.acquire(data)) {
            assertThat(Files.readString(data.resolve(DataDirLock.LOCK_FILE)).trim()).isEqualTo(String.valueOf(SELF));
            assertThatThrownBy(() -> DataDirLock.acquire(data))
                    .isInstanceOf(DataDirInUseException.class)
                    .hasMessageContaining("already in use by process " + SELF)
                    .satisfies(e -> assertThat(((DataDirInUseException) e).pid()).isEqualTo(SELF));
            // the same directory by another name is the same directory
            assertThatThrownBy(() -> DataDirLock.acquire(dir.resolve("./x/../kafka"))).isInstanceOf(DataDirInUseException.class);
            assertThat(DataDirLock.owner(data)).hasValueSatisfying(o -> {
                assertThat(o.pid()).isEqualTo(SELF);
                assertThat(o.bootstrapServers()).isEmpty(); // still starting
            });
        }
        assertThat(DataDirLock.owner(data)).isEmpty();
        try (DataDirLock again = DataDirLock.acquire(data)) {
            assertThat(again.dir()).isEqualTo(data.toRealPath());
        }
    }

    @Test
    void theAddressIsPublishedWhileHeldAndRemovedAfter() throws Exception {
        Path data = dir.resolve("kafka");
        try (DataDirLock lock = DataDirLock.acquire(data)) {
            lock.publishAddress("127.0.0.1:40123");
            assertThat(Files.readString(data.resolve(DataDirLock.ADDRESS_FILE))).contains("bootstrap.servers=127.0.0.1:40123\n");
            assertThat(DataDirLock.owner(data)).hasValueSatisfying(o -> assertThat(o.bootstrapServers()).contains("127.0.0.1:40123"));
        }
        assertThat(data.resolve(DataDirLock.ADDRESS_FILE)).doesNotExist();
    }

    @Test
    void anAddressLeftByAKilledOwnerIsNeitherBelievedNorKept() throws Exception {
        Path data = Files.createDirectories(dir.resolve("kafka"));
        Files.writeString(data.resolve(DataDirLock.ADDRESS_FILE), "bootstrap.servers=127.0.0.1:1\npid=1\n");
        Files.writeString(data.resolve(DataDirLock.LOCK_FILE), "1\n");
        assertThat(DataDirLock.owner(data)).as("nobody holds the lock of a dead process").isEmpty();
        try (DataDirLock lock = DataDirLock.acquire(data)) {
            assertThat(data.resolve(DataDirLock.ADDRESS_FILE)).doesNotExist();
            assertThat(DataDirLock.owner(data)).hasValueSatisfying(o -> assertThat(o.bootstrapServers()).isEmpty());
        }
    }

    @Test
    void askingWhoHoldsADirectoryCreatesNothing() {
        Path missing = dir.resolve("never-used");
        assertThat(DataDirLock.owner(missing)).isEmpty();
        assertThat(missing).doesNotExist();
    }
}
