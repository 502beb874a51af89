package org.rxradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rxradar.config.ConfigLoader;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.fetch.TestServer;
import picocli.CommandLine;

/**
 * {@code sources discover} on a career page of each job-board type, served locally: the page links
 * the board the way career sites do, the board's API is replayed at the platform's own paths
 * (reached through {@code --api-base}), and the printed block loads as config and reads postings.
 */
class DiscoverEveryTypeTest {
    @TempDir
    Path dir;
    private TestServer server;
    private Path config;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
        config = dir.resolve("rxradar.yml");
        Files.writeString(config, "fetch:\n  per-host-delay: 0s\n  state-dir: " + dir.resolve("state") + "\n");
        // the platforms' list and detail endpoints, answering the demo's replays of their formats
        json("/wday/cxs/bluestem/Bluestem_Careers/jobs", "workday-jobs.json");
        server.on("/wday/cxs/bluestem/Bluestem_Careers/job/", ex -> {
            Matcher m = Pattern.compile("_(R\\d+)$").matcher(ex.getRequestURI().getPath());
            send(ex, m.find() ? "workday-job-" + m.group(1) + ".json" : null);
        });
        json("/v1/boards/harborlight/jobs", "greenhouse-jobs.json");
        json("/v0/postings/meridian", "lever-postings.json");
        for (String prefix : new String[] {"", "/smartrecruiters"}) { // the list, and the details its refs name
            server.on(prefix + "/v1/companies/MeadowCarePharmacy/postings", ex -> {
                String path = ex.getRequestURI().getPath();
                String id = path.substring(path.lastIndexOf('/') + 1);
                send(ex, id.matches("\\d+") ? "smartrecruiters-posting-" + id + ".json" : "smartrecruiters-postings.json");
            });
        }
        json("/api/search", "usajobs-search.json");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "workday         | <a href=\"https://bluestem.wd5.myworkdayjobs.com/en-US/Bluestem_Careers\">Search our openings</a>",
        "greenhouse      | <iframe src=\"https://boards.greenhouse.io/embed/job_board?for=harborlight\"></iframe>",
        "lever           | <script>window.jobsUrl = \"https:\\/\\/jobs.lever.co\\/meridian\";</script>",
        "smartrecruiters | <a class=\"btn\" href=\"https://jobs.smartrecruiters.com/MeadowCarePharmacy\">Careers</a>"})
    void aBoardLinkedFromTheCareerPageBecomesAWorkingSourceBlock(String type, String link) throws Exception {
        page("/careers", "<!doctype html><html><head><title>Careers</title></head><body><h1>Join us</h1>" + link + "</body></html>");

        int code = discover("/careers");

        assertThat(code).as(err.toString()).isZero();
        String printed = out.toString();
        RxRadarConfig.Source block = load(printed).get(0);
        assertThat(block.type()).isEqualTo(type);
        assertThat(block.apiUrl()).startsWith(server.url("/").toString());
        // a first read through the block found the pharmacy postings and left the others out
        Matcher read = Pattern.compile("(\\d+) postings? listed, (\\d+) match").matcher(printed);
        assertThat(read.find()).as(printed).isTrue();
        assertThat(Integer.parseInt(read.group(2))).isPositive().isLessThan(Integer.parseInt(read.group(1)));
    }

    @Test
    void usajobsIsFoundAndTheBlockSaysTheKeyIsNeeded() throws Exception {
        page("/federal", "<p>Federal openings: <a href=\"https://www.usajobs.gov/Search/Results?k=pharmacy%20technician\">USAJOBS</a></p>");

        int code = discover("/federal");

        assertThat(code).as(err.toString()).isZero();
        RxRadarConfig.Source block = load(out.toString()).get(0);
        assertThat(block.type()).isEqualTo("usajobs");
        assertThat(out.toString()).contains(RxRadarConfig.Source.USAJOBS_KEY_ENV);
    }

    private int discover(String path) {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute("sources", "discover", "--config=" + config, "--api-base=" + server.url("").toString(),
                server.url(path).toString());
    }

    private static List<RxRadarConfig.Source> load(String blocks) {
        return ConfigLoader.parse("sources:\n" + blocks, Map.of()).sources();
    }

    private void page(String path, String html) {
        server.on(path, ex -> TestServer.send(ex, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8)));
    }

    private void json(String path, String sample) {
        server.on(path, ex -> send(ex, sample));
    }

    private void send(com.sun.net.httpserver.HttpExchange ex, String sample) throws IOException {
        ex.getRequestBody().readAllBytes();
        byte[] body = sample == null ? null : sample(sample);
        if (body == null) TestServer.send(ex, 404, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        else TestServer.send(ex, 200, "application/json", body);
    }

    private byte[] sample(String file) throws IOException {
        try (InputStream in = DiscoverEveryTypeTest.class.getResourceAsStream("/samples/" + file)) {
            if (in == null) return null;
            String port = String.valueOf(server.server.getAddress().getPort());
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{port}}", port).getBytes(StandardCharsets.UTF_8);
        }
    }
}
