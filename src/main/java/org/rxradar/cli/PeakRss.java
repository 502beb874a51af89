package org.rxradar.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's peak resident set size as Linux keeps it ({@code VmHWM} in {@code /proc/<pid>/status}), in KB. */
final class PeakRss {
    private PeakRss() {}

    /** 0 when the file is gone (the process ended) or has no such line. */
    static long read(Path status) {
        try {
            return parse(Files.readString(status));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long parse(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.substring(6).replace("kB", "").trim());
        }
        return 0;
    }
}
