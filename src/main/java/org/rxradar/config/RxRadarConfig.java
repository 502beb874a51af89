package org.rxradar.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The whole configuration, read from one YAML file (see {@code config/rxradar.example.yml} and the
 * README) with environment overrides. Every section has working defaults, so an empty file or no
 * file at all runs on the embedded broker.
 */
public record RxRadarConfig(
        Kafka kafka,
        Http http,
        Fetch fetch,
        List<Source> sources,
        Tagger tagger,
        List<org.rxradar.model.Subscriber> subscribers,
        Mail mail,
        Digest digest,
        Instance instance) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public RxRadarConfig {
        kafka = kafka == null ? Kafka.defaults() : kafka;
        http = http == null ? Http.defaults() : http;
        fetch = fetch == null ? Fetch.defaults() : fetch;
        sources = sources == null ? List.of() : List.copyOf(sources);
        tagger = tagger == null ? Tagger.defaults() : tagger;
        subscribers = subscribers == null ? List.of() : List.copyOf(subscribers);
        mail = mail == null ? Mail.defaults() : mail;
        digest = digest == null ? Digest.defaults() : digest;
        instance = instance == null ? Instance.defaults() : instance;
    }

    /** A configuration with the default instance identity (the host name). */
    public RxRadarConfig(Kafka kafka, Http http, Fetch fetch, List<Source> sources, Tagger tagger, List<org.rxradar.model.Subscriber> subscribers,
                         Mail mail, Digest digest) {
        this(kafka, http, fetch, sources, tagger, subscribers, mail, digest, null);
    }

    public static RxRadarConfig defaults() {
        return new RxRadarConfig(null, null, null, null, null, null, null, null, null);
    }

    public RxRadarConfig withKafka(Kafka k) {
        return new RxRadarConfig(k, http, fetch, sources, tagger, subscribers, mail, digest, instance);
    }

    public RxRadarConfig withHttp(Http h) {
        return new RxRadarConfig(kafka, h, fetch, sources, tagger, subscribers, mail, digest, instance);
    }

    public RxRadarConfig withMail(Mail m) {
        return new RxRadarConfig(kafka, http, fetch, sources, tagger, subscribers, m, digest, instance);
    }

    public RxRadarConfig withSubscribers(List<org.rxradar.model.Subscriber> s) {
        return new RxRadarConfig(kafka, http, fetch, sources, tagger, s, mail, digest, instance);
    }

    public RxRadarConfig withInstance(Instance i) {
        return new RxRadarConfig(kafka, http, fetch, sources, tagger, subscribers, mail, digest, i);
    }

    /**
     * This process among the instances that share one Kafka cluster. {@code id} names it in
     * transactional ids and static group membership ({@code group.instance.id}), so it must be
     * unique per running instance and stable across its restarts: the host name by default (a
     * container's or a StatefulSet pod's name), or {@code RXRADAR_INSTANCE_ID}.
     */
    public record Instance(String id) {
        public Instance {
            id = id == null || id.isBlank() ? hostName() : id.trim();
        }

        static Instance defaults() {
            return new Instance(null);
        }

        private static String hostName() {
            String env = System.getenv("HOSTNAME");
            if (env != null && !env.isBlank()) return env.trim();
            try {
                String name = java.net.InetAddress.getLocalHost().getHostName();
                if (name != null && !name.isBlank()) return name;
            } catch (java.io.IOException | RuntimeException e) {
                // no resolvable host name: fall through
            }
            return "rxradar";
        }
    }

    /**
     * @param bootstrapServers empty: start the embedded single-node KRaft broker
     * @param partitions       partitions of each topic created at start
     * @param embedded         the embedded broker's ports and data directory
     * @param groupPrefix      consumer group ids are this prefix plus the stage name
     * @param properties       extra client properties (security, SASL…) passed to every client
     */
    public record Kafka(String bootstrapServers, Integer partitions, Short replicationFactor, Embedded embedded,
                        String groupPrefix, Map<String, String> properties) {
        public Kafka {
            bootstrapServers = bootstrapServers == null ? "" : bootstrapServers.trim();
            partitions = partitions == null ? 3 : partitions;
            replicationFactor = replicationFactor == null ? 1 : replicationFactor;
            embedded = embedded == null ? Embedded.defaults() : embedded;
            groupPrefix = groupPrefix == null || groupPrefix.isBlank() ? "rxradar" : groupPrefix;
            properties = properties == null ? Map.of() : Map.copyOf(properties);
        }

        static Kafka defaults() {
            return new Kafka(null, null, null, null, null, null);
        }

        public boolean useEmbedded() {
            return bootstrapServers.isEmpty();
        }

        public Kafka withEmbedded(Embedded e) {
            return new Kafka(bootstrapServers, partitions, replicationFactor, e, groupPrefix, properties);
        }
    }

    /** The in-JVM broker used when no bootstrap servers are configured; port 0 picks a free port. */
    public record Embedded(Integer port, Integer controllerPort, String dataDir) {
        public static final String DEFAULT_DATA_DIR = "./data/kafka";

        public Embedded {
            port = port == null ? 9092 : port;
            controllerPort = controllerPort == null ? 9093 : controllerPort;
            dataDir = dataDir == null || dataDir.isBlank() ? DEFAULT_DATA_DIR : dataDir;
        }

        static Embedded defaults() {
            return new Embedded(null, null, null);
        }
    }

    /** The feed and health server. {@code baseUrl}: the public address used in links (feeds, unsubscribe). */
    public record Http(Integer port, String bind, String baseUrl) {
        public Http {
            port = port == null ? 8080 : port;
            bind = bind == null || bind.isBlank() ? "0.0.0.0" : bind;
            baseUrl = baseUrl == null ? "" : baseUrl.trim();
        }

        static Http defaults() {
            return new Http(null, null, null);
        }

        /** The base for links: the configured one, or this machine's loopback address. */
        public String publicBaseUrl() {
            String b = baseUrl.isEmpty() ? "http://localhost:" + port : baseUrl;
            return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        }
    }

    /** The one HTTP client every fetcher shares. */
    public record Fetch(String userAgent, Duration connectTimeout, Duration readTimeout, Duration totalTimeout,
                        String maxBodySize, Integer maxRedirects, Integer threads, Integer perHostConcurrency,
                        Duration perHostDelay, Integer maxConsecutiveErrors, String stateDir) {
        public Fetch {
            userAgent = userAgent == null || userAgent.isBlank()
                    ? "RxRadar/0.1 (+https://github.com/rxradar/rxradar; pharmacy-technician job and news aggregator)" : userAgent;
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(20) : readTimeout;
            totalTimeout = totalTimeout == null ? Duration.ofSeconds(60) : totalTimeout;
            maxBodySize = maxBodySize == null || maxBodySize.isBlank() ? "10MB" : maxBodySize;
            maxRedirects = maxRedirects == null ? 5 : maxRedirects;
            threads = threads == null ? 8 : threads;
            perHostConcurrency = perHostConcurrency == null ? 2 : perHostConcurrency;
            perHostDelay = perHostDelay == null ? Duration.ofSeconds(1) : perHostDelay;
            maxConsecutiveErrors = maxConsecutiveErrors == null ? 10 : maxConsecutiveErrors;
            stateDir = stateDir == null || stateDir.isBlank() ? "./data/fetch" : stateDir;
        }

        static Fetch defaults() {
            return new Fetch(null, null, null, null, null, null, null, null, null, null, null);
        }

        public long maxBodyBytes() {
            return DataSize.parse(maxBodySize);
        }
    }

    /**
     * A place to poll. {@code type}: rss (RSS, Atom, RDF, JSON Feed), web (a career page: JSON-LD
     * JobPosting, or {@code selectors}), or a job source that reads where employers post: workday,
     * greenhouse, lever, smartrecruiters, usajobs (APIs) and sitemap (job pages listed in a
     * sitemap.xml). {@code selectors} keys: item, title, link, date, summary, employer, location
     * (CSS), next (CSS of the next-page link), max-pages (default 3), detail ({@code json-ld} or the
     * CSS of the summary on each item's own page).
     *
     * <p>Job sources also take {@code api-url} (the list endpoint, replacing the one derived from
     * {@code url}), {@code search} (phrases a posting's title or description must contain; default
     * {@link #DEFAULT_SEARCH}), and by type: {@code api-key} and {@code user-agent-email} (usajobs;
     * the key may come from the environment variable {@value #USAJOBS_KEY_ENV} instead),
     * {@code include} (sitemap: a regular expression for job-page URLs) and {@code max-pages}
     * (sitemap: pages fetched per poll, default 50).
     */
    public record Source(String id, String type, String kind, String url, Duration interval, String name,
                         Map<String, String> selectors, Boolean enabled, String apiUrl, List<String> search,
                         String apiKey, String userAgentEmail, String include, Integer maxPages) {
        /** Source types that read where employers post jobs: kind job by default, search phrases apply. */
        public static final List<String> JOB_TYPES = List.of("workday", "greenhouse", "lever", "smartrecruiters", "usajobs", "sitemap");
        public static final List<String> TYPES = List.of("rss", "web", "workday", "greenhouse", "lever", "smartrecruiters",
                "usajobs", "sitemap");
        /** The pharmacy-technician track: what a job source's postings must mention when {@code search} is not set. */
        public static final List<String> DEFAULT_SEARCH = List.of("pharmacy technician", "pharmacy tech", "pharm tech",
                "CPhT", "pharmacy associate", "pharmacy assistant", "pharmacy specialist", "pharmacy clerk",
                "pharmacy intern", "technician pharmacy");
        public static final String USAJOBS_KEY_ENV = "RXRADAR_USAJOBS_API_KEY";
        public static final int DEFAULT_SITEMAP_PAGES = 50;

        @com.fasterxml.jackson.annotation.JsonCreator
        public Source {
            type = type == null ? "rss" : type.trim().toLowerCase(java.util.Locale.ROOT);
            kind = kind == null ? (JOB_TYPES.contains(type) ? "job" : "news") : kind.trim().toLowerCase(java.util.Locale.ROOT);
            interval = interval == null ? Duration.ofMinutes(30) : interval;
            selectors = selectors == null ? Map.of() : Map.copyOf(selectors);
            enabled = enabled == null || enabled;
            apiUrl = apiUrl == null || apiUrl.isBlank() ? null : apiUrl.trim();
            search = search == null || search.isEmpty() ? DEFAULT_SEARCH
                    : search.stream().filter(p -> p != null && !p.isBlank()).map(String::trim).toList();
            apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
            userAgentEmail = userAgentEmail == null || userAgentEmail.isBlank() ? null : userAgentEmail.trim();
            include = include == null || include.isBlank() ? null : include;
            maxPages = maxPages == null ? DEFAULT_SITEMAP_PAGES : maxPages;
        }

        /** A feed or career-page source (no job-source keys). */
        public Source(String id, String type, String kind, String url, Duration interval, String name,
                      Map<String, String> selectors, Boolean enabled) {
            this(id, type, kind, url, interval, name, selectors, enabled, null, null, null, null, null, null);
        }

        /** True for the types that read an employer's job listing (ATS, USAJOBS, sitemap). */
        public boolean readsJobListing() {
            return JOB_TYPES.contains(type);
        }

        /** The same source with another list endpoint (tests, proxies, the demo). */
        public Source withApiUrl(String newApiUrl) {
            return new Source(id, type, kind, url, interval, name, selectors, enabled, newApiUrl, search, apiKey,
                    userAgentEmail, include, maxPages);
        }

        /** The display name, or the id when there is none. */
        public String label() {
            return name == null || name.isBlank() ? id : name;
        }

        // the API key is a secret: never in logs or messages
        @Override
        public String toString() {
            return "Source[id=" + id + ", type=" + type + ", kind=" + kind + ", url=" + url + ", interval=" + interval
                    + ", name=" + name + ", enabled=" + enabled + (apiUrl == null ? "" : ", api-url=" + apiUrl)
                    + (apiKey == null ? "" : ", api-key=(set)") + "]";
        }
    }

    /** Extra tagging knowledge: a YAML or JSON rules file added to the built-in one. */
    public record Tagger(String rules) {
        public Tagger {
            rules = rules == null ? "" : rules.trim();
        }

        static Tagger defaults() {
            return new Tagger(null);
        }
    }

    /** Delivery: SMTP when {@code smtp.host} is set, otherwise {@code .eml} + {@code .html} files in {@code outbox}. */
    public record Mail(String from, String outbox, Smtp smtp) {
        public Mail {
            from = from == null || from.isBlank() ? "RxRadar <digest@localhost>" : from;
            outbox = outbox == null || outbox.isBlank() ? "./outbox" : outbox;
            smtp = smtp == null ? Smtp.defaults() : smtp;
        }

        static Mail defaults() {
            return new Mail(null, null, null);
        }

        public Mail withOutbox(String dir) {
            return new Mail(from, dir, smtp);
        }

        public Mail withSmtp(Smtp s) {
            return new Mail(from, outbox, s);
        }
    }

    /** {@code tls}: implicit TLS (port 465); {@code starttls}: upgrade a plain connection (port 587). */
    public record Smtp(String host, Integer port, Boolean starttls, Boolean tls, String username, String password) {
        public Smtp {
            host = host == null ? "" : host.trim();
            port = port == null ? 587 : port;
            starttls = starttls == null || starttls;
            tls = tls != null && tls;
            username = username == null ? "" : username;
            password = password == null ? "" : password;
        }

        static Smtp defaults() {
            return new Smtp(null, null, null, null, null, null);
        }

        public boolean enabled() {
            return !host.isEmpty();
        }
    }

    /**
     * Digest building. {@code secret}: HMAC key for unsubscribe links (environment
     * {@code RXRADAR_DIGEST_SECRET} in production). {@code data-dir}: local state of the deliver stage.
     */
    public record Digest(Integer maxLeads, Integer maxNews, Boolean sendEmpty, String secret, String dataDir) {
        public Digest {
            maxLeads = maxLeads == null ? 30 : maxLeads;
            maxNews = maxNews == null ? 15 : maxNews;
            sendEmpty = sendEmpty != null && sendEmpty;
            secret = secret == null ? "" : secret;
            dataDir = dataDir == null || dataDir.isBlank() ? "./data/digest" : dataDir;
        }

        static Digest defaults() {
            return new Digest(null, null, null, null, null);
        }
    }
}
