package org.rxradar.bus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ownership of one embedded broker's data directory by one process, for as long as it runs.
 *
 * <p>A {@link FileLock} on {@value #LOCK_FILE} in the directory, taken before the broker opens its
 * log: a second process on the same directory stops at once with the owner's process id instead of
 * "recovering" the first one's open log segments (which corrupted both). The operating system
 * releases the lock when its process dies, even by kill -9, so a stale lock file never blocks a
 * restart. The owner publishes its broker's address in {@value #ADDRESS_FILE} beside the lock, so
 * that commands run while it is up read its broker instead of starting their own.
 *
 * <p>POSIX releases every lock a process holds on a file when any descriptor of that file is
 * closed, so this JVM never opens a second channel on a lock file it holds: the directories held
 * here are remembered in {@link #HELD}.
 */
public final class DataDirLock implements AutoCloseable {
    public static final String LOCK_FILE = "rxradar.lock";
    public static final String ADDRESS_FILE = "bootstrap.txt";

    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** The process that holds a directory, and the broker address it published (empty while it is starting). */
    public record Owner(Path dir, long pid, Optional<String> bootstrapServers) {}

    /**
     * Takes the directory (creating it if needed) and writes this process's id into the lock file.
     *
     * @throws DataDirInUseException when another process, or another part of this one, holds it
     */
    public static DataDirLock acquire(Path directory) {
        Path dir = canonical(directory, true);
        if (!HELD.add(dir)) throw new DataDirInUseException(dir, ProcessHandle.current().pid());
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                long pid = readPid(dir).orElse(-1);
                channel.close();
                HELD.remove(dir);
                throw new DataDirInUseException(dir, pid);
            }
            // the previous owner's address is stale: it died without removing it
            Files.deleteIfExists(dir.resolve(ADDRESS_FILE));
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new DataDirLock(dir, channel, lock);
        } catch (IOException | OverlappingFileLockException e) {
            closeQuietly(channel);
            HELD.remove(dir);
            throw new BusException("cannot lock the data directory " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            HELD.remove(dir);
            throw e;
        }
    }

    // another command's owner() probe holds the lock for microseconds: a few tries tell it from a real owner
    private static FileLock tryLock(FileChannel channel) throws IOException {
        for (int attempt = 0; ; attempt++) {
            FileLock lock = channel.tryLock();
            if (lock != null || attempt == 4) return lock;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /**
     * Who holds the directory now, without taking it and without creating anything: empty when no
     * live process does (never started there, stopped, or killed).
     */
    public static Optional<Owner> owner(Path directory) {
        Path dir = canonical(directory, false);
        if (dir == null || !Files.isRegularFile(dir.resolve(LOCK_FILE))) return Optional.empty();
        long self = ProcessHandle.current().pid();
        if (!HELD.contains(dir)) {
            try (FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                FileLock probe = channel.tryLock();
                if (probe != null) {
                    probe.release();
                    return Optional.empty();
                }
            } catch (IOException | OverlappingFileLockException e) {
                // unreadable or held within this JVM by a channel not opened here: treat as held
            }
        }
        long pid = HELD.contains(dir) ? self : readPid(dir).orElse(-1);
        return Optional.of(new Owner(dir, pid, readAddress(dir, pid)));
    }

    /** Tells commands run meanwhile where this directory's broker listens; removed again on {@link #close()}. */
    public void publishAddress(String bootstrapServers) {
        // written by hand rather than Properties.store, which escapes the ':' of host:port for whoever reads it
        String text = "# the broker of the RxRadar process holding " + LOCK_FILE + "; removed when it stops\n"
                + "bootstrap.servers=" + bootstrapServers + "\n"
                + "pid=" + ProcessHandle.current().pid() + "\n";
        Path target = dir.resolve(ADDRESS_FILE);
        Path tmp = dir.resolve(ADDRESS_FILE + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** Removes the published address and releases the directory. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(dir.resolve(ADDRESS_FILE));
        } catch (IOException e) {
            // a stale address is recognised by its pid and replaced by the next owner
        }
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it too
        }
        closeQuietly(channel);
        HELD.remove(dir);
    }

    /** The address the holder published, if it is the holder's (not one left by an earlier, killed owner). */
    private static Optional<String> readAddress(Path dir, long pid) {
        Path file = dir.resolve(ADDRESS_FILE);
        if (!Files.isRegularFile(file)) return Optional.empty();
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String servers = p.getProperty("bootstrap.servers", "").trim();
        if (servers.isEmpty() || !String.valueOf(pid).equals(p.getProperty("pid", "").trim())) return Optional.empty();
        return Optional.of(servers);
    }

    private static OptionalLong readPid(Path dir) {
        try {
            String text = Files.readString(dir.resolve(LOCK_FILE), StandardCharsets.US_ASCII).trim();
            return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** One name per directory, whatever the relative path or symbolic link it was given by; null when absent and not created. */
    private static Path canonical(Path given, boolean create) {
        Path dir = given.toAbsolutePath().normalize();
        try {
            if (create) Files.createDirectories(dir);
            else if (!Files.isDirectory(dir)) return null;
            return dir.toRealPath();
        } catch (IOException e) {
            throw new BusException("cannot use the data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
