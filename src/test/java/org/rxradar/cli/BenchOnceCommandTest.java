package org.rxradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The parts of {@code bench once} that read what the measured processes leave: their peak RSS and the run's summary. */
class BenchOnceCommandTest {
    @Test
    void peakRssIsTheHighWaterMarkOfProcStatus() {
        String status = "Name:\tjava\nVmPeak:\t 3000000 kB\nVmHWM:\t  412345 kB\nVmRSS:\t  300000 kB\n";
        assertThat(PeakRss.parse(status)).isEqualTo(412_345);
        assertThat(PeakRss.parse("Name:\tjava\n")).isZero();
        assertThat(PeakRss.read(java.nio.file.Path.of("/proc/self/status"))).isPositive();
    }

    @Test
    void countsComeFromTheSummaryLine() {
        List<String> out = List.of("something else", "Fetched 1000 sources (0 failed), published 20000 new items, tagged 19999, sent 0 digests");
        assertThat(BenchOnceCommand.Counts.of(out)).isEqualTo(new BenchOnceCommand.Counts(20_000, 19_999));
        assertThat(BenchOnceCommand.Counts.of(List.of("rxradar: Kafka error"))).isEqualTo(new BenchOnceCommand.Counts(-1, -1));
    }

    @Test
    void generatedFeedsHaveTheItemsAskedForEachWithItsOwnLink() {
        Set<String> links = new HashSet<>();
        for (int feed = 0; feed < 3; feed++) {
            Matcher m = Pattern.compile("<link>(http://bench\\.example/\\d+/item/\\d+)</link>").matcher(BenchFeeds.rss(feed, 20));
            while (m.find()) links.add(m.group(1));
        }
        assertThat(links).hasSize(60);
    }

    @Test
    void theClassDataFlagGoesAfterTheJvmFlagsAndBeforeTheProgram() {
        List<String> cmd = BenchOnceCommand.command(" -Xmx256m  -XX:+UseSerialGC ", "-XX:SharedArchiveFile=/tmp/a.jsa", List.of("-cp", "x.jar", "Main"));
        assertThat(cmd.subList(1, cmd.size())).containsExactly("-Xmx256m", "-XX:+UseSerialGC", "-XX:SharedArchiveFile=/tmp/a.jsa", "-cp", "x.jar", "Main");
        assertThat(cmd.get(0)).endsWith("/bin/java");
        assertThat(BenchOnceCommand.command("-Xmx256m", null, List.of("Main"))).hasSize(3);
    }

    @Test
    void theFloorRunsTheSameConfigurationWithNoSources(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path full = dir.resolve("full.yml"), empty = dir.resolve("empty.yml");
        java.nio.file.Files.writeString(full, BenchOnceCommand.config("http://127.0.0.1:1/feed/", dir, 3));
        java.nio.file.Files.writeString(empty, BenchOnceCommand.config("http://127.0.0.1:1/feed/", dir.resolve("floor"), 0));
        org.rxradar.config.RxRadarConfig withSources = org.rxradar.config.ConfigLoader.load(full, java.util.Map.of());
        org.rxradar.config.RxRadarConfig floor = org.rxradar.config.ConfigLoader.load(empty, java.util.Map.of());
        assertThat(withSources.sources()).hasSize(3);
        assertThat(floor.sources()).isEmpty();
        assertThat(floor.fetch().threads()).isEqualTo(withSources.fetch().threads()).isEqualTo(8);
        assertThat(floor.fetch().perHostDelay()).isEqualTo(withSources.fetch().perHostDelay()).isZero();
        assertThat(floor.kafka().embedded().dataDir()).isNotEqualTo(withSources.kafka().embedded().dataDir());
    }
}
