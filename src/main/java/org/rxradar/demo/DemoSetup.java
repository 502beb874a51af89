package org.rxradar.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.rxradar.config.RxRadarConfig;

/** The demo's configuration: the sample site's sources, one demo subscriber, local outbox and data. */
public final class DemoSetup {
    public static final String DEMO_EMAIL = "demo.technician@example.org";
    /** Where the demo keeps its state, apart from `run`'s ./data. */
    public static final String DEFAULT_DATA_DIR = "./data/demo";

    private DemoSetup() {}

    /** Every source of the demo: the feeds and career page, then one job source of each type. */
    public static int sourceCount() {
        return SampleSite.SAMPLES.size() + SampleSite.JOB_SAMPLES.size();
    }

    private static RxRadarConfig.Source jobSource(SampleSite.JobSample j, SampleSite site) {
        boolean usajobs = j.type().equals("usajobs");
        return new RxRadarConfig.Source(j.id(), j.type(), "job", site.address(j.path()), Duration.ofMinutes(5), j.name(), null,
                true, j.apiPath() == null ? null : site.address(j.apiPath()),
                usajobs ? List.of("pharmacy technician") : null, usajobs ? SampleSite.DEMO_USAJOBS_KEY : null,
                usajobs ? DEMO_EMAIL : null, j.type().equals("sitemap") ? "/careers/job/" : null, null);
    }

    /** The demo's embedded broker's data (and lock) inside its data directory. */
    public static Path kafkaDir(Path dataDir) {
        return dataDir.resolve("kafka");
    }

    public static RxRadarConfig config(RxRadarConfig base, SampleSite site, int httpPort, Path outbox, Path dataDir) {
        List<RxRadarConfig.Source> sources = new java.util.ArrayList<>(SampleSite.SAMPLES.stream()
                .map(s -> new RxRadarConfig.Source("sample-" + s.file().replace('.', '-'), s.type(), s.kind(), site.url(s.file()),
                        Duration.ofMinutes(5), s.name(), null, true))
                .toList());
        for (SampleSite.JobSample j : SampleSite.JOB_SAMPLES) sources.add(jobSource(j, site));
        org.rxradar.model.Subscriber demo = org.rxradar.model.Subscriber.of(null, DEMO_EMAIL, "Demo Technician",
                List.of(), List.of(), List.of("jobs", "news"), List.of(), true, List.of(), "America/Chicago", "07:00", "daily", "confirmed");
        RxRadarConfig.Kafka kafka = base.kafka().useEmbedded()
                // free ports, so that the demo runs beside a `run` that holds the default ones
                ? base.kafka().withEmbedded(new RxRadarConfig.Embedded(0, 0, kafkaDir(dataDir).toString()))
                : base.kafka();
        RxRadarConfig.Fetch f = base.fetch();
        RxRadarConfig.Fetch fetch = new RxRadarConfig.Fetch(f.userAgent(), f.connectTimeout(), f.readTimeout(), f.totalTimeout(),
                f.maxBodySize(), f.maxRedirects(), f.threads(), f.perHostConcurrency(), Duration.ZERO, f.maxConsecutiveErrors(),
                dataDir.resolve("fetch").toString());
        RxRadarConfig.Http http = new RxRadarConfig.Http(httpPort, "127.0.0.1", base.http().baseUrl());
        return new RxRadarConfig(kafka, http, fetch, sources, base.tagger(), List.of(demo),
                base.mail().withOutbox(outbox.toString()), base.digest());
    }
}
