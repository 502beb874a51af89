package org.rxradar.bus;

import java.nio.file.Path;

/** Another process (or this one) already runs on a data directory: stop, touch nothing. */
public final class DataDirInUseException extends RuntimeException {
    private final Path dir;
    private final long pid;

    public DataDirInUseException(Path dir, long pid) {
        super("data directory " + dir + " is already in use by process " + (pid > 0 ? String.valueOf(pid) : "(unknown)")
                + (pid == ProcessHandle.current().pid() ? " (this one)" : "")
                + ": stop that RxRadar first, or give this one another data directory (demo --data-dir, kafka.embedded.data-dir)");
        this.dir = dir;
        this.pid = pid;
    }

    public Path dir() {
        return dir;
    }

    /** The holder's process id, -1 when its lock file does not say. */
    public long pid() {
        return pid;
    }
}
