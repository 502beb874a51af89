package org.rxradar.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.config.ConfigException;
import org.rxradar.config.ConfigLoader;
import org.rxradar.config.RxRadarConfig;

/**
 * Starting the pipeline when something is wrong, on the real embedded broker: a taken HTTP port
 * is reported before the broker starts, and a step that fails after the broker and the server
 * are up lets go of both.
 */
class PipelineStartIT {
    @TempDir
    Path dir;

    @Test
    void aTakenHttpPortIsReportedBeforeTheBrokerStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            RxRadarConfig cfg = config(taken.getLocalPort(), 0, "");
            long start = System.nanoTime();
            assertThatThrownBy(() -> Pipeline.open(cfg)).isInstanceOf(ConfigException.class)
                    .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("http.port"))
                    .hasMessageContaining(String.valueOf(taken.getLocalPort())).hasMessageContaining("another process holds the port");
            System.out.printf("PipelineStartIT: port-taken error after %d ms%n", (System.nanoTime() - start) / 1_000_000);
            assertThat(dir.resolve("kafka")).as("the broker never started, so it wrote no data").doesNotExist();
        }
    }

    @Test
    void aStepFailingAfterTheBrokerAndServerAreUpLetsGoOfBoth() throws Exception {
        int httpPort = freePort();
        int brokerPort = freePort();
        // the tagger's rules are read after the bus and the HTTP server are up
        RxRadarConfig cfg = config(httpPort, brokerPort, dir.resolve("no-such-rules.yml").toString());
        assertThatThrownBy(() -> Pipeline.open(cfg)).hasMessageContaining("no-such-rules.yml");
        assertThat(Files.isDirectory(dir.resolve("kafka"))).as("the broker had started").isTrue();
        assertThat(canBind(httpPort)).as("HTTP port %d released", httpPort).isTrue();
        assertThat(canBind(brokerPort)).as("broker port %d released", brokerPort).isTrue();
    }

    private RxRadarConfig config(int httpPort, int brokerPort, String rules) {
        RxRadarConfig base = ConfigLoader.load(null, Map.of());
        RxRadarConfig.Fetch f = base.fetch();
        RxRadarConfig.Fetch fetch = new RxRadarConfig.Fetch(f.userAgent(), f.connectTimeout(), f.readTimeout(), f.totalTimeout(),
                f.maxBodySize(), f.maxRedirects(), f.threads(), f.perHostConcurrency(), f.perHostDelay(), f.maxConsecutiveErrors(),
                dir.resolve("fetch").toString());
        RxRadarConfig.Kafka kafka = base.kafka().withEmbedded(new RxRadarConfig.Embedded(brokerPort, 0, dir.resolve("kafka").toString()));
        return new RxRadarConfig(kafka, new RxRadarConfig.Http(httpPort, "127.0.0.1", ""), fetch, base.sources(),
                new RxRadarConfig.Tagger(rules), base.subscribers(), base.mail().withOutbox(dir.resolve("outbox").toString()), base.digest());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static boolean canBind(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true); // a listener still open refuses the bind even so
            s.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
