package org.rxradar.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.rxradar.config.ConfigLoader;
import org.rxradar.config.RxRadarConfig;
import picocli.CommandLine.Option;

/** The {@code --config} option shared by commands that read the configuration. */
public final class ConfigOption {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "YAML configuration file (default: $RXRADAR_CONFIG, else ./rxradar.yml if present, else built-in defaults).")
    Path file;

    public RxRadarConfig load() {
        return ConfigLoader.load(resolve());
    }

    Path resolve() {
        if (file != null) return file;
        String env = System.getenv("RXRADAR_CONFIG");
        if (env != null && !env.isBlank()) return Path.of(env);
        Path local = Path.of("rxradar.yml");
        return Files.isRegularFile(local) ? local : null;
    }
}
