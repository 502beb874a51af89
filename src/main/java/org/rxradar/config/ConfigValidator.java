package org.rxradar.config;

import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.rxradar.config.RxRadarConfig.Source;
import org.rxradar.config.RxRadarConfig.Subscriber;
import org.rxradar.model.Taxonomy;

/** Checks what binding cannot: ranges, ids, URLs, time zones. Each failure names its key. */
public final class ConfigValidator {
    private static final Pattern SOURCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern STATE = Pattern.compile("[A-Z]{2}");
    private static final List<String> KINDS = List.of("news", "job", "jobs");
    private static final List<String> STATUSES = List.of("confirmed", "pending", "unsubscribed");

    private ConfigValidator() {}

    static void validate(RxRadarConfig c) {
        port("kafka.embedded.port", c.kafka().embedded().port());
        port("kafka.embedded.controller-port", c.kafka().embedded().controllerPort());
        if (c.kafka().partitions() < 1) throw new ConfigException("kafka.partitions", "must be at least 1");
        if (c.kafka().replicationFactor() < 1) throw new ConfigException("kafka.replication-factor", "must be at least 1");
        port("http.port", c.http().port());
        if (c.mail().smtp().enabled()) port("mail.smtp.port", c.mail().smtp().port());
        try {
            c.fetch().maxBodyBytes();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("fetch.max-body-size", e.getMessage());
        }
        if (c.fetch().threads() < 1) throw new ConfigException("fetch.threads", "must be at least 1");
        if (c.fetch().perHostConcurrency() < 1) throw new ConfigException("fetch.per-host-concurrency", "must be at least 1");
        validateSources(c.sources());
        validateSubscribers(c.subscribers());
    }

    private static void port(String key, int port) {
        if (port < 0 || port > 65535) throw new ConfigException(key, port + " is not a TCP port (0-65535)");
    }

    private static void validateSources(List<Source> sources) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            Source s = sources.get(i);
            String key = "sources[" + i + "]";
            if (s.id() == null || !SOURCE_ID.matcher(s.id()).matches())
                throw new ConfigException(key + ".id", "missing or invalid (letters, digits, '.', '_', '-'; at most 64)");
            if (!ids.add(s.id())) throw new ConfigException(key + ".id", "'" + s.id() + "' is used by another source");
            if (!Source.TYPES.contains(s.type()))
                throw new ConfigException(key + ".type", "'" + s.type() + "' is not a source type (" + String.join(", ", Source.TYPES) + ")");
            if (!KINDS.contains(s.kind()))
                throw new ConfigException(key + ".kind", "'" + s.kind() + "' is not a kind (news or job)");
            if (s.url() == null || s.url().isBlank()) throw new ConfigException(key + ".url", "missing");
            try {
                URI u = new URI(s.url().trim());
                if (u.getScheme() == null || !List.of("http", "https").contains(u.getScheme().toLowerCase()) || u.getHost() == null)
                    throw new ConfigException(key + ".url", "'" + s.url() + "' is not an http(s) URL");
            } catch (java.net.URISyntaxException e) {
                throw new ConfigException(key + ".url", "'" + s.url() + "' is not a URL: " + e.getReason());
            }
            if (s.interval().toSeconds() < 60) throw new ConfigException(key + ".interval", "must be at least 1m, to be polite to the site");
            if (s.apiUrl() != null) httpUrl(key + ".api-url", s.apiUrl());
            if (s.search().isEmpty()) throw new ConfigException(key + ".search", "lists no phrase (leave it out for the built-in list)");
            if (s.maxPages() < 1) throw new ConfigException(key + ".max-pages", "must be at least 1");
            if (s.include() != null) {
                try {
                    Pattern.compile(s.include());
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw new ConfigException(key + ".include", "'" + s.include() + "' is not a regular expression: " + e.getDescription());
                }
            }
            if (s.userAgentEmail() != null && !s.userAgentEmail().contains("@"))
                throw new ConfigException(key + ".user-agent-email", "'" + s.userAgentEmail() + "' is not an email address");
            if (s.readsJobListing() && s.kind().equals("news"))
                throw new ConfigException(key + ".kind", "a " + s.type() + " source reads job postings: kind job");
        }
    }

    private static void httpUrl(String key, String url) {
        try {
            URI u = new URI(url.trim());
            if (u.getScheme() == null || !List.of("http", "https").contains(u.getScheme().toLowerCase()) || u.getHost() == null)
                throw new ConfigException(key, "'" + url + "' is not an http(s) URL");
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException(key, "'" + url + "' is not a URL: " + e.getReason());
        }
    }

    private static void validateSubscribers(List<Subscriber> subscribers) {
        Set<String> emails = new HashSet<>();
        for (int i = 0; i < subscribers.size(); i++) {
            Subscriber s = subscribers.get(i);
            String key = "subscribers[" + i + "]";
            subscriber(s, key);
            if (!emails.add(s.email().trim().toLowerCase())) throw new ConfigException(key + ".email", "'" + s.email() + "' is listed twice");
        }
    }

    /** One subscriber's checks, for the config file and the command line alike; {@code key} prefixes the field names. */
    public static void subscriber(Subscriber s, String key) {
        String problem = EmailAddresses.problem(s.email());
        if (problem != null) throw new ConfigException(key + ".email", problem);
        for (String id : s.settings())
            if (!Taxonomy.isSetting(id)) throw new ConfigException(key + ".settings", "'" + id + "' is not a setting; valid: " + Taxonomy.SETTINGS);
        for (String id : s.topics())
            if (!Taxonomy.isTopic(id)) throw new ConfigException(key + ".topics", "'" + id + "' is not a topic; valid: " + Taxonomy.TOPICS);
        for (String k : s.kinds())
            if (!List.of("news", "jobs", "job").contains(k)) throw new ConfigException(key + ".kinds", "'" + k + "' is not a kind (jobs, news)");
        for (String st : s.states())
            if (!STATE.matcher(st).matches()) throw new ConfigException(key + ".states", "'" + st + "' is not a two-letter state code");
        try {
            ZoneId.of(s.timezone());
        } catch (DateTimeException e) {
            throw new ConfigException(key + ".timezone", "'" + s.timezone() + "' is not a time zone (example: America/Chicago)");
        }
        try {
            LocalTime.parse(s.sendAt());
        } catch (DateTimeParseException e) {
            throw new ConfigException(key + ".send-at", "'" + s.sendAt() + "' is not a time of day (HH:mm, example: \"07:00\")");
        }
        try {
            org.rxradar.model.Frequency.parse(s.frequency());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + ".frequency", e.getMessage());
        }
        if (!STATUSES.contains(s.status()))
            throw new ConfigException(key + ".status", "'" + s.status() + "' is not a status (" + String.join(", ", STATUSES) + ")");
    }
}
