package org.rxradar.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.rxradar.config.ConfigException.Problem;
import org.rxradar.config.RxRadarConfig.Source;
import org.rxradar.model.Subscriber;

/**
 * Checks what binding cannot: ranges, ids, URLs, time zones. Every problem is collected, each
 * naming its key, so that one run of the program shows everything to fix in a file.
 */
public final class ConfigValidator {
    private static final Pattern SOURCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final List<String> KINDS = List.of("news", "job", "jobs");

    private ConfigValidator() {}

    static void validate(RxRadarConfig c) {
        List<Problem> problems = problems(c);
        if (!problems.isEmpty()) throw new ConfigException(problems);
    }

    /** Every problem of a bound configuration, in the order of the file. */
    static List<Problem> problems(RxRadarConfig c) {
        List<Problem> out = new ArrayList<>();
        port(out, "kafka.embedded.port", c.kafka().embedded().port());
        port(out, "kafka.embedded.controller-port", c.kafka().embedded().controllerPort());
        if (c.kafka().partitions() < 1) out.add(new Problem("kafka.partitions", "must be at least 1"));
        if (c.kafka().replicationFactor() < 1) out.add(new Problem("kafka.replication-factor", "must be at least 1"));
        port(out, "http.port", c.http().port());
        if (c.mail().smtp().enabled()) port(out, "mail.smtp.port", c.mail().smtp().port());
        try {
            c.fetch().maxBodyBytes();
        } catch (IllegalArgumentException e) {
            out.add(new Problem("fetch.max-body-size", e.getMessage()));
        }
        if (c.fetch().threads() < 1) out.add(new Problem("fetch.threads", "must be at least 1"));
        if (c.fetch().perHostConcurrency() < 1) out.add(new Problem("fetch.per-host-concurrency", "must be at least 1"));
        validateSources(out, c.sources());
        validateSubscribers(out, c.subscribers(), c.http().publicBaseUrl());
        if (!INSTANCE_ID.matcher(c.instance().id()).matches())
            out.add(new Problem("instance.id", "'" + c.instance().id() + "' is not an instance id (letters, digits, '.', '_', '-'; at most 100)"));
        return out;
    }

    private static void port(List<Problem> out, String key, int port) {
        if (port < 0 || port > 65535) out.add(new Problem(key, port + " is not a TCP port (0-65535)"));
    }

    private static void validateSources(List<Problem> out, List<Source> sources) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            Source s = sources.get(i);
            String key = "sources[" + i + "]";
            if (s.id() == null || !SOURCE_ID.matcher(s.id()).matches())
                out.add(new Problem(key + ".id", "missing or invalid (letters, digits, '.', '_', '-'; at most 64)"));
            else if (!ids.add(s.id())) out.add(new Problem(key + ".id", "'" + s.id() + "' is used by another source"));
            boolean knownType = Source.TYPES.contains(s.type());
            if (!knownType)
                out.add(new Problem(key + ".type", "'" + s.type() + "' is not a source type (" + String.join(", ", Source.TYPES) + ")"));
            if (!KINDS.contains(s.kind()))
                out.add(new Problem(key + ".kind", "'" + s.kind() + "' is not a kind (news or job)"));
            else if (knownType && s.readsJobListing() && s.kind().equals("news"))
                out.add(new Problem(key + ".kind", "a " + s.type() + " source reads job postings: kind job"));
            if (s.url() == null || s.url().isBlank()) out.add(new Problem(key + ".url", "missing"));
            else httpUrl(out, key + ".url", s.url());
            if (s.interval().toSeconds() < 60) out.add(new Problem(key + ".interval", "must be at least 1m, to be polite to the site"));
            if (s.apiUrl() != null) httpUrl(out, key + ".api-url", s.apiUrl());
            if (s.search().isEmpty()) out.add(new Problem(key + ".search", "lists no phrase (leave it out for the built-in list)"));
            if (s.maxPages() < 1) out.add(new Problem(key + ".max-pages", "must be at least 1"));
            if (s.include() != null) {
                try {
                    Pattern.compile(s.include());
                } catch (java.util.regex.PatternSyntaxException e) {
                    out.add(new Problem(key + ".include", "'" + s.include() + "' is not a regular expression: " + e.getDescription()));
                }
            }
            if (s.userAgentEmail() != null && !s.userAgentEmail().contains("@"))
                out.add(new Problem(key + ".user-agent-email", "'" + s.userAgentEmail() + "' is not an email address"));
        }
    }

    private static void httpUrl(List<Problem> out, String key, String url) {
        try {
            URI u = new URI(url.trim());
            if (u.getScheme() == null || !List.of("http", "https").contains(u.getScheme().toLowerCase()) || u.getHost() == null)
                out.add(new Problem(key, "'" + url + "' is not an http(s) URL"));
        } catch (java.net.URISyntaxException e) {
            out.add(new Problem(key, "'" + url + "' is not a URL: " + e.getReason()));
        }
    }

    private static void validateSubscribers(List<Problem> out, List<Subscriber> subscribers, String baseUrl) {
        Set<String> emails = new HashSet<>();
        for (int i = 0; i < subscribers.size(); i++) {
            Subscriber s = subscribers.get(i);
            String key = "subscribers[" + i + "]";
            if (s.email() != null && !emails.add(s.email().trim().toLowerCase()))
                out.add(new Problem(key + ".email", "'" + s.email() + "' is listed twice"));
            // an alert posted to our own address would loop back into RxRadar
            for (int j = 0; j < s.notifyTargets().size(); j++) {
                var t = s.notifyTargets().get(j);
                if (t.pointsAt(baseUrl))
                    out.add(new Problem(key + ".notify[" + j + "]." + t.key(), "'" + t.uri() + "' is this RxRadar server itself ("
                            + baseUrl + "); give the address of the service that should receive the alerts"));
            }
        }
    }

}
