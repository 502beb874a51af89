package org.rxradar.config;

/** A configuration problem, with the key it concerns, for a clear message and a non-zero exit. */
public class ConfigException extends RuntimeException {
    private final String key;

    public ConfigException(String key, String problem) {
        super(key == null || key.isEmpty() ? problem : key + ": " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
