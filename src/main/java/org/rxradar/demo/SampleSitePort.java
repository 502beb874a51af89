package org.rxradar.demo;

import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's sample site keeps its port across restarts. Item ids hash the item's URL, and the
 * sample items' URLs carry the site's port: on a new port every restart published every item again
 * under a new id, and the items from before linked to a port nobody served. The port a demo used
 * is remembered in its data directory ({@value #FILE}) and taken again next time.
 */
public final class SampleSitePort {
    static final String FILE = "sample-site.port";
    private static final Logger log = LoggerFactory.getLogger(SampleSitePort.class);

    private SampleSitePort() {}

    /**
     * Starts the sample site on the port this data directory's demo used before (a free one the
     * first time, or when that port is taken meanwhile). Reads the directory, writes nothing.
     */
    public static SampleSite start(Path dataDir) throws IOException {
        int remembered = remembered(dataDir);
        if (remembered > 0) {
            try {
                return SampleSite.start(remembered);
            } catch (BindException e) {
                log.warn("The demo's sample site port {} is taken: serving on another one; the sample items get new links"
                        + " and are published again", remembered);
            }
        }
        return SampleSite.start(0);
    }

    /** Records the port in use, once the data directory is this process's (its broker is up). */
    public static void remember(Path dataDir, int port) throws IOException {
        Files.createDirectories(dataDir);
        Path tmp = dataDir.resolve(FILE + ".tmp");
        Files.writeString(tmp, port + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, dataDir.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static int remembered(Path dataDir) {
        try {
            int port = Integer.parseInt(Files.readString(dataDir.resolve(FILE), StandardCharsets.US_ASCII).trim());
            return port > 0 && port <= 65535 ? port : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
