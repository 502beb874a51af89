package org.rxradar.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.rxradar.bus.Bus;
import org.rxradar.bus.BusException;
import org.rxradar.bus.GroupCatchUp;
import org.rxradar.bus.InstanceFencedException;
import org.rxradar.bus.StageHealth;
import org.rxradar.bus.TopicTail;
import org.rxradar.bus.Topics;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.config.SourceNames;
import org.rxradar.digest.DeliverGroup;
import org.rxradar.digest.DeliverStage;
import org.rxradar.digest.DigestLog;
import org.rxradar.digest.DigestService;
import org.rxradar.digest.SubscriptionLog;
import org.rxradar.digest.UnsubscribeTokens;
import org.rxradar.notify.DigestAlerts;
import org.rxradar.notify.NewLeadAlerts;
import org.rxradar.notify.Notifier;
import org.rxradar.notify.NotifyLog;
import org.rxradar.notify.NotifyPolicy;
import org.rxradar.digest.WeeklyTrends;
import org.rxradar.view.FeedView;
import org.rxradar.ops.HealthStatus;
import org.rxradar.web.server.HttpApi;
import org.rxradar.fetch.FetchGroup;
import org.rxradar.fetch.FetchReport;
import org.rxradar.fetch.SourceLog;
import org.rxradar.model.Json;
import org.rxradar.model.TaggedItem;
import org.rxradar.tag.TagStage;
import org.rxradar.tag.Tagger;
import org.rxradar.trend.TrendRoutes;
import org.rxradar.web.SettingRoutes;
import org.rxradar.trend.TrendStage;
import org.rxradar.trend.TrendStore;
import org.rxradar.trend.TrendView;
import org.rxradar.ops.CountingSender;
import org.rxradar.ops.KafkaClientBinder;
import org.rxradar.ops.ReadinessProbe;
import org.rxradar.web.SubscriptionService;
import org.rxradar.ops.TagCounts;
import org.rxradar.web.WebSubscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole of RxRadar in one process: fetch → raw topics → tag → tagged topic → digests and
 * feeds. Follow an item from URL to inbox here: {@link #runOnce()} does each step once in order;
 * {@link #runForever()} runs every stage on its own schedule until {@link #close()}.
 */
public final class Pipeline implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);
    private static final Duration VIEW_WINDOW = Duration.ofDays(14);
    /** Digests built and sent at once, one SMTP connection each (see the digest benchmark in the README). */
    private static final int DELIVERY_THREADS = 2;
    /** How often {@link #runForever} looks for a stage fenced by another instance with this id. */
    private static final Duration FENCING_CHECK = Duration.ofMillis(500);

    /** What one pass did, for the command's summary line. */
    public record Summary(int sources, int sourcesFailed, long itemsPublished, long itemsTagged, int digestsSent) {}

    private final RxRadarConfig cfg;
    private final Clock clock;
    private final List<AutoCloseable> resources;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Bus bus;
    private final FeedView view;
    private final TopicTail taggedTail;
    private final SubscriptionLog subscriptions;
    private final DigestLog digests;
    private final DigestService digestService;
    private final DeliverGroup deliverGroup;
    private final DeliverStage deliver;
    private final NewLeadAlerts newLeadAlerts;
    private final FetchGroup fetch;
    private volatile boolean fetchStarted;
    private final TagStage tag;
    private final HttpApi http;
    private final TrendStore trends;
    private final TrendView trendView;
    private final TrendStage trend;
    private final SubscriptionService web;
    private final ReadinessProbe readiness;
    private final KafkaClientBinder kafkaMetrics;
    private final List<StageHealth> stages;
    private volatile Thread tagThread;
    private boolean closed;
    private volatile Thread trendThread;
    /** Why a stage stopped for good (fenced), stopping the process; null while all run. */
    private volatile String fatal;

    /** @param opened where every resource goes as it is opened, so {@link #open} can close them when a later step fails */
    private Pipeline(RxRadarConfig configured, Clock clock, List<AutoCloseable> opened) {
        this.clock = clock;
        this.resources = opened;
        // the tagger's model is loaded and fitted (seconds of CPU) while the port is taken and the broker starts
        BackgroundLoad<Tagger> tagger = BackgroundLoad.start("tagger-load", () -> Tagger.load(configured.tagger()));
        // the one window of the tagged stream that feeds, pages and digests read, rebuilt from the tagged topic
        this.view = new FeedView(VIEW_WINDOW, FeedView.DEFAULT_MAX_ITEMS, clock);
        // the trends served (/trends, the weekly digest section): what the counting instance publishes
        this.trends = new TrendStore();
        // the HTTP port is taken before the broker starts, so a port in use is reported at once
        this.http = own(new HttpApi(configured.http(), view, this::health, registry));
        SourceNames sourceNames = SourceNames.of(configured.sources());
        http.sourceNames(sourceNames); // feeds and pages show a source's name, not its id
        http.bind();
        new JvmMemoryMetrics().bindTo(registry);
        // web: stages that count on the global registry (fetch) show up in /metrics too
        Metrics.addRegistry(registry);
        resources.add(() -> Metrics.removeRegistry(registry));
        // this instance among those sharing the cluster: static group membership, its own transactional ids
        this.bus = own(Bus.open(configured.kafka(), configured.instance()));
        // web: the subscriptions view is needed by the subscription routes, added before the server starts
        this.subscriptions = own(new SubscriptionLog(bus.clients()));

        this.trendView = own(TrendView.follow(bus.clients(), trends));
        new TrendRoutes(trends, clock).installOn(http);
        // web: /settings/{id} career pages
        new SettingRoutes(view, trends, sourceNames, clock).installOn(http);
        // web: /subscriptions and /unsubscribe; links use the port really bound, known after start
        this.web = own(WebSubscriptions.install(http, configured, subscriptions, http::publicBaseUrl, clock, registry));
        http.start();
        this.cfg = withActualPort(configured, http.port());
        log.info("Feeds at {}/feeds/settings/hospital.atom, health at {}/health", cfg.http().publicBaseUrl(), cfg.http().publicBaseUrl());

        this.taggedTail = own(new TopicTail(bus.clients(), Topics.ITEMS_TAGGED, VIEW_WINDOW, record -> {
            TaggedItem item = parseTagged(record.value());
            view.put(item);
        }).start());
        subscriptions.loadFromConfig(cfg.subscribers());
        this.digests = own(new DigestLog(bus.clients()));
        // the weekly "Trends this week" section comes from the trend store
        this.digestService = own(DigestService.fromConfig(cfg, cfg.mail().smtp().enabled(), clock, WeeklyTrends.from(trends, clock),
                DELIVERY_THREADS));
        // each subscriber is delivered by the instance that owns their partition of the subscriptions (the
        // deliver group); opened after the log and the mailer, so it is closed before them: a clean stop
        // hands its subscribers over once its sends in progress are recorded
        this.deliverGroup = own(new DeliverGroup(bus.clients(), cfg.instance().id(), digests,
                why -> stageStopped(DeliverGroup.STAGE, why)));
        // alerts besides email: with the digest (after its send), or as new leads arrive
        Notifier notifier = own(new Notifier(UnsubscribeTokens.secretFor(cfg.digest().secret()), NotifyPolicy.DEFAULT,
                own(new NotifyLog(bus.clients())), () -> cfg.http().publicBaseUrl(), clock));
        this.newLeadAlerts = own(new NewLeadAlerts(bus.clients(), subscriptions, notifier, NotifyPolicy.DEFAULT, clock));
        this.deliver = new DeliverStage(subscriptions, digests, view,
                new CountingSender(new DigestAlerts(digestService, notifier), registry),
                clock, DELIVERY_THREADS, deliverGroup);

        // the configured sources go into rxradar.sources; this instance polls those of the partitions it is given
        SourceLog.loadFromConfig(bus.clients(), cfg.sources());
        this.fetch = own(new FetchGroup(cfg, bus.clients()));
        this.tag = new TagStage(bus.clients(), TagCounts.counting(tagger.get()::tag, registry), registry);
        resources.add(tag::closeClients);
        // one instance counts (it owns every partition of the tagged topic), the others stand by
        this.trend = new TrendStage(bus.clients(), new TrendStore(), clock);
        resources.add(trend::closeClients);

        // web: readiness checked in the background (never on the request), Kafka client metrics
        // the stages' loops: /health reports them, and one fenced by another instance with this id stops the process
        this.stages = List.of(tag.health(), trend.health(), fetch.health());
        this.readiness = own(new ReadinessProbe(bus.clients(), bus.clients().groupId(TagStage.STAGE),
                List.of(Topics.NEWS_RAW, Topics.LEADS_RAW), Duration.ofSeconds(10), ReadinessProbe.DEFAULT_MAX_LAG, clock)
                .watching(stages.toArray(StageHealth[]::new)).start());
        Gauge.builder("rxradar.tagger.lag", readiness, ReadinessProbe::lastLag)
                .description("raw records not yet tagged (-1: unknown)").register(registry);
        this.kafkaMetrics = new KafkaClientBinder(registry)
                .consumer(tag.kafkaConsumer()).producer(tag.kafkaProducer())
                .consumer(trend.kafkaConsumer()).producer(trend.kafkaProducer())
                .consumer(fetch.kafkaConsumer()).producer(fetch.kafkaProducer());
    }

    /**
     * Takes the HTTP port, opens the bus (starting the embedded broker when none is configured),
     * rebuilds the views, starts the HTTP server. When a step fails, what the earlier ones opened
     * (the port, the broker, clients) is closed before the error is thrown.
     */
    public static Pipeline open(RxRadarConfig cfg) {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            return new Pipeline(cfg, Clock.systemUTC(), opened);
        } catch (RuntimeException | Error e) {
            closeAll(opened);
            throw e;
        }
    }

    /** Links in digests and feeds must name the port really served, also when port 0 picked one. */
    private static RxRadarConfig withActualPort(RxRadarConfig cfg, int port) {
        RxRadarConfig.Http h = cfg.http();
        return cfg.withHttp(new RxRadarConfig.Http(port, h.bind(), h.baseUrl()));
    }

    private <T extends AutoCloseable> T own(T resource) {
        resources.add(resource);
        return resource;
    }

    private static TaggedItem parseTagged(byte[] value) {
        try {
            return Json.read(value, TaggedItem.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("unreadable tagged item: " + e.getMessage(), e);
        }
    }

    /**
     * Fetches every source once, tags everything fetched and sends every subscriber's digest now.
     * Streaming: the tag stage runs on its own thread from the start, tagging each poll's items as
     * soon as their transaction commits (and warming up meanwhile), and the views follow the tagged
     * topic; once the last source is fetched only the tail of the work is waited for.
     */
    public Summary runOnce() {
        long start = System.nanoTime();
        startStreamingStages();
        log.info("Fetching {} sources", cfg.sources().size());
        FetchReport report = fetch.runOnce(); // every source of the partitions this instance owns: all of them when alone
        long fetched = System.nanoTime();
        report.sources().stream().filter(r -> r.failed())
                .forEach(r -> log.warn("Source {} not fetched ({}): {}", r.sourceId(), r.status(), r.message()));
        try {
            awaitGroup(TagStage.STAGE, tag.health(), List.of(Topics.NEWS_RAW, Topics.LEADS_RAW), Duration.ofMinutes(5));
            long taggedAt = System.nanoTime();
            taggedTail.awaitCaughtUp(Duration.ofMinutes(2));
            awaitGroup(TrendStage.STAGE, trend.health(), List.of(Topics.ITEMS_TAGGED), Duration.ofMinutes(2));
            log.info("Once: fetched in {} ms; tagging ended {} ms after the last fetch, views and trends {} ms after that",
                    (fetched - start) / 1_000_000, (taggedAt - fetched) / 1_000_000, (System.nanoTime() - taggedAt) / 1_000_000);
        } catch (InstanceFencedException e) {
            throw new InstanceFencedException(e.getMessage() + ". " + sameIdHint(), e.getCause());
        }
        trendView.awaitCaughtUp(Duration.ofMinutes(1));
        long tagged = tag.taggedCount();
        log.info("Tagged {} items; {} relevant in the last {} days", tagged, view.taggedSize(), VIEW_WINDOW.toDays());
        awaitDeliverGroup(Duration.ofMinutes(2));
        int sent = deliver.runAllNow();
        return new Summary(report.sources().size(), (int) report.failed(), fetch.publishedCount(), tagged, sent);
    }

    /** The tag and trend stages on their own threads, once: they follow their input from then on. */
    private synchronized void startStreamingStages() {
        if (tagThread == null) {
            tagThread = new Thread(tag::run, "tagger");
            tagThread.start();
        }
        if (trendThread == null) {
            trendThread = new Thread(trend::run, "trend");
            trendThread.start();
        }
    }

    /**
     * Waits until {@code stage}'s group has committed everything in {@code topics} (a transactional
     * stage commits its offsets with its output, so its output is committed too), or the stage stopped.
     */
    private void awaitGroup(String stage, StageHealth health, List<String> topics, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (GroupCatchUp group = new GroupCatchUp(bus.clients(), bus.clients().groupId(stage), topics)) {
            while (!group.await(Duration.ofMillis(500))) {
                StageHealth.State s = health.state();
                if (s.fenced()) throw new InstanceFencedException(s.stage() + " stopped: " + s.stopped(), null);
                if (s.stopped() != null) throw new IllegalStateException("the " + stage + " stage stopped: " + s.stopped());
                if (System.nanoTime() > deadline)
                    throw new IllegalStateException("the " + stage + " stage did not catch up with " + String.join(", ", topics) + " within "
                            + timeout + (s.failuresInRow() > 0 ? "; last error: " + s.lastError() : ""));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the " + stage + " stage", e);
        }
    }

    /**
     * Runs every stage on its schedule until {@link #close()} (or Ctrl-C).
     *
     * @throws InstanceFencedException when a stage was fenced: another process runs with this instance's
     *                                 id and took it over; the caller closes the pipeline and exits
     */
    public void runForever() throws InterruptedException {
        fetch.start();
        fetchStarted = true;
        startStreamingStages();
        newLeadAlerts.start();
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "deliver"));
        resources.add(ticks::shutdownNow);
        Runnable check = () -> {
            try {
                deliver.runDue();
                view.evictExpired();
            } catch (RuntimeException e) {
                log.warn("Digest check failed: {}", e.toString());
            }
        };
        // a start after someone's send time must not send (or record as empty) their digest before
        // the first fetch pass is tagged: the first check waits for it, within a bound
        ticks.execute(() -> {
            try (GroupCatchUp tagger = new GroupCatchUp(bus.clients(), bus.clients().groupId(TagStage.STAGE),
                    List.of(Topics.NEWS_RAW, Topics.LEADS_RAW))) {
                firstCheck(tagger).await();
            } catch (RuntimeException e) {
                log.warn("First digest check did not wait: {}", e.getMessage());
            }
            if (!ticks.isShutdown()) ticks.scheduleWithFixedDelay(check, 0, 30, TimeUnit.SECONDS);
        });
        while (!stopped.await(FENCING_CHECK.toMillis(), TimeUnit.MILLISECONDS)) throwIfFenced();
        if (fatal != null) throw new InstanceFencedException(fatal + ". " + sameIdHint(), null);
    }

    /**
     * A stage fenced by another process with this instance's id cannot go on, and serving 503 forever
     * would hide that two processes share an id: the process stops with one line saying so.
     */
    private void throwIfFenced() {
        for (StageHealth h : stages) {
            StageHealth.State s = h.state();
            if (s.fenced())
                throw new InstanceFencedException(s.stage() + " stopped: " + s.stopped() + ". " + sameIdHint(), null);
        }
    }

    private String sameIdHint() {
        return "Another RxRadar runs with instance.id '" + bus.clients().instanceId() + "': give each instance its own RXRADAR_INSTANCE_ID";
    }

    /** A stage that cannot go on (fenced: another instance took over its id) stops the process, saying why. */
    private void stageStopped(String stage, String why) {
        if (closed) return;
        fatal = "the " + stage + " stage stopped: " + why;
        log.error("{}; stopping RxRadar", fatal);
        stopped.countDown();
    }

    private void awaitDeliverGroup(Duration timeout) {
        try {
            if (!deliverGroup.awaitAssignment(timeout))
                log.warn("The deliver group gave this instance no partitions within {}: no digest sent by this run", timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private FirstDigestCheck firstCheck(GroupCatchUp tagger) {
        return new FirstDigestCheck(List.of(
                new FirstDigestCheck.Step("the first fetch pass", fetch::awaitFirstPass),
                new FirstDigestCheck.Step("the tagger", tagger::await),
                new FirstDigestCheck.Step("the tagged-item view", timeout -> {
                    taggedTail.awaitCaughtUp(timeout);
                    return true;
                }),
                new FirstDigestCheck.Step("the deliver group's assignment", deliverGroup::awaitAssignment)), FirstDigestCheck.DEFAULT_BOUND);
    }

    public int httpPort() {
        return http.port();
    }

    public SubscriptionLog subscriptions() {
        return subscriptions;
    }

    private HealthStatus health() {
        ReadinessProbe probe = readiness;
        // web: the server answers while the constructor is still wiring the stages
        if (probe == null) return new HealthStatus(true, List.of(HealthStatus.Component.down("startup", "starting")));
        List<HealthStatus.Component> parts = new ArrayList<>();
        parts.add(probe.broker());
        Thread t = tagThread;
        parts.add(probe.tagger(t != null)); // a stage whose loop fails or stopped says why (StageHealth)
        parts.add(probe.stage(TrendStage.STAGE, trendThread != null));
        parts.add(deliverGroup.health().state().failing() ? HealthStatus.Component.down(DeliverGroup.STAGE, deliverGroup.describe())
                : HealthStatus.Component.up(DeliverGroup.STAGE, deliverGroup.describe()));
        parts.add(probe.stage(FetchGroup.STAGE, fetchStarted));
        parts.add(HealthStatus.Component.up("views", view.taggedSize() + " recent items"));
        return new HealthStatus(true, parts, bus.clients().ownership().snapshot());
    }

    /**
     * Stops every stage and closes every client, then the broker if embedded. Safe to call twice
     * and from two threads (Ctrl-C's shutdown hook and the command's own try-with-resources): the
     * second call waits for the first and returns.
     */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        stopped.countDown();
        kafkaMetrics.close(); // before the clients it reads close
        tag.close();
        trend.close();
        for (Thread t : new Thread[] {tagThread, trendThread}) {
            if (t == null) continue;
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeAll(resources);
    }

    /** Newest first, each whatever happens to the others. */
    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                log.debug("close: {}", e.toString());
            }
        }
    }
}
