package org.rxradar.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The compose file keeps what `down`/`up` must keep, and restarts and health-checks the app:
 * Kafka's log directory is its volume (the official image writes to /tmp unless told), the app
 * has a healthcheck on /health with a tool its image has, and every service comes back by itself.
 */
class DockerComposeTest {
    private static final Path COMPOSE = Path.of("docker-compose.yml");
    private static final Path DOCKERFILE = Path.of("Dockerfile");

    private static JsonNode compose() throws Exception {
        return new YAMLMapper().readTree(COMPOSE.toFile());
    }

    @Test
    void kafkaWritesItsLogWhereItsVolumeIsMounted() throws Exception {
        JsonNode kafka = compose().path("services").path("kafka");
        assertThat(kafka.path("image").asText()).startsWith("apache/kafka:");
        String logDirs = kafka.path("environment").path("KAFKA_LOG_DIRS").asText();
        assertThat(logDirs).as("KAFKA_LOG_DIRS").isNotBlank().doesNotStartWith("/tmp");
        List<String> named = new ArrayList<>();
        compose().path("volumes").fieldNames().forEachRemaining(named::add);
        for (String dir : logDirs.split(",")) {
            assertThat(mounts(kafka)).as("a named volume mounted at " + dir)
                    .anySatisfy(m -> {
                        assertThat(m[1]).isEqualTo(dir);
                        assertThat(named).contains(m[0]);
                    });
        }
        // a recreated container must accept the storage it finds on the volume
        assertThat(kafka.path("environment").path("CLUSTER_ID").asText()).hasSize(22);
    }

    @Test
    void theAppKeepsItsDataDirectoryOnAVolume() throws Exception {
        JsonNode app = compose().path("services").path("rxradar");
        assertThat(mounts(app)).anySatisfy(m -> assertThat(m[1]).isEqualTo("/app/data"));
        assertThat(Files.readString(DOCKERFILE)).contains("WORKDIR /app");
    }

    @Test
    void theAppIsHealthCheckedOnHealthWithAToolItsImageHas() throws Exception {
        JsonNode check = compose().path("services").path("rxradar").path("healthcheck");
        assertThat(check.isMissingNode()).as("rxradar healthcheck").isFalse();
        List<String> test = new ArrayList<>();
        check.path("test").forEach(n -> test.add(n.asText()));
        assertThat(test).isNotEmpty();
        assertThat(test.get(0)).isIn("CMD", "CMD-SHELL");
        assertThat(String.join(" ", test)).contains("/health").contains("curl").contains("-f");
        int port = compose().path("services").path("rxradar").path("environment").path("RXRADAR_HTTP_PORT").asInt();
        assertThat(String.join(" ", test)).contains(":" + port + "/health");
        // the run stage (after the last FROM) installs curl: the base image is not relied upon
        String dockerfile = Files.readString(DOCKERFILE, StandardCharsets.UTF_8);
        String runStage = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        assertThat(runStage).containsPattern("RUN .*apt-get install[^\\n]*\\bcurl\\b");
    }

    @Test
    void everyServiceRestartsUnlessStopped() throws Exception {
        compose().path("services").fields().forEachRemaining(s ->
                assertThat(s.getValue().path("restart").asText()).as(s.getKey() + ".restart").isEqualTo("unless-stopped"));
    }

    /**
     * Profile {@code scale}: a second app replica beside the first, on the one Kafka, each with its own
     * instance id (transactional ids, static group membership), host port and data volume, and the
     * same digest secret (a link signed by one instance works on the other).
     */
    @Test
    void theScaleProfileAddsASecondAppReplicaWithItsOwnInstanceIdOnTheSameKafka() throws Exception {
        JsonNode services = compose().path("services");
        List<String> apps = new ArrayList<>();
        List<String> kafkas = new ArrayList<>();
        services.fields().forEachRemaining(e -> {
            if (e.getValue().path("command").toString().contains("\"run\"")) apps.add(e.getKey());
            if (e.getValue().path("image").asText().startsWith("apache/kafka:")) kafkas.add(e.getKey());
        });
        assertThat(kafkas).as("one Kafka for every replica").hasSize(1);
        List<String> always = apps.stream().filter(a -> services.path(a).path("profiles").isEmpty()).toList();
        List<String> scale = apps.stream().filter(a -> services.path(a).path("profiles").toString().contains("\"scale\"")).toList();
        assertThat(always).as("without a profile: one app").hasSize(1);
        assertThat(scale).as("profile scale adds a replica").hasSizeGreaterThanOrEqualTo(1);

        List<String> ids = new ArrayList<>();
        List<String> hostPorts = new ArrayList<>();
        List<String> volumes = new ArrayList<>();
        for (String app : apps) {
            JsonNode s = services.path(app);
            JsonNode env = s.path("environment");
            ids.add(env.path("RXRADAR_INSTANCE_ID").asText());
            assertThat(env.path("RXRADAR_KAFKA_BOOTSTRAP_SERVERS").asText()).as(app).isEqualTo("kafka:9092");
            assertThat(env.path("RXRADAR_DIGEST_SECRET").asText()).as(app + ": the shared secret")
                    .isEqualTo(services.path(always.get(0)).path("environment").path("RXRADAR_DIGEST_SECRET").asText());
            for (JsonNode p : s.path("ports")) hostPorts.add(p.asText().split(":")[0]);
            for (String[] m : mounts(s)) volumes.add(m[0]);
            assertThat(s.path("healthcheck").isMissingNode()).as(app + " healthcheck").isFalse();
            assertThat(s.path("depends_on").has("kafka")).as(app + " waits for kafka").isTrue();
        }
        assertThat(ids).as("instance ids").doesNotContain("").doesNotHaveDuplicates();
        assertThat(hostPorts).as("host ports").doesNotHaveDuplicates();
        assertThat(volumes).as("data volumes").doesNotHaveDuplicates();
    }

    /** The compose tool itself accepts the file, with and without the scale profile (Debian's docker-compose; no Docker engine needed). */
    @Test
    void dockerComposeConfigAcceptsTheFile() throws Exception {
        String tool = List.of("/usr/bin/docker-compose", "/usr/local/bin/docker-compose").stream()
                .filter(p -> new File(p).canExecute()).findFirst().orElse(null);
        String missing = "docker-compose is not installed (apt-get install docker-compose)";
        // in CI (.ci/run installs it) a missing tool is a failure, never a silent skip
        if ("true".equalsIgnoreCase(System.getenv("CI"))) assertThat(tool).as(missing).isNotNull();
        Assumptions.assumeTrue(tool != null, missing);
        for (List<String> profile : List.of(List.<String>of(), List.of("--profile", "scale"))) {
            List<String> command = new ArrayList<>(List.of(tool, "-f", COMPOSE.toAbsolutePath().toString()));
            command.addAll(profile);
            command.addAll(List.of("config", "-q"));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
        }
    }

    /** Each {@code volume:path} of a service, split in two. */
    private static List<String[]> mounts(JsonNode service) {
        List<String[]> out = new ArrayList<>();
        for (JsonNode v : service.path("volumes")) {
            String[] parts = v.asText().split(":");
            if (parts.length >= 2) out.add(new String[] {parts[0], parts[1]});
        }
        return out;
    }
}
