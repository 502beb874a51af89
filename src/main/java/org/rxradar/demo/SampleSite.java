package org.rxradar.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.jsoup.nodes.Entities;

/**
 * A local web site serving the bundled sample sources ({@code src/main/resources/samples}) so
 * that the demo and the tests fetch real feeds over real HTTP, with no internet. The
 * {@code {{port}}} placeholder in a sample is replaced by this server's port, so the items' links
 * lead back here; any other path answers a small article page so that those links work.
 */
public final class SampleSite implements AutoCloseable {
    /** The bundled samples: file name, kind of items, source type. */
    public record Sample(String file, String kind, String type, String name) {}

    public static final List<Sample> SAMPLES = List.of(
            new Sample("pharmacy-news.rss", "news", "rss", "Pharmacy Tech Wire (sample)"),
            new Sample("tech-jobs.atom", "job", "rss", "TechBoard jobs (sample)"),
            new Sample("health-system-careers.rss", "job", "rss", "Lakeside Health careers (sample)"),
            new Sample("careers.html", "job", "web", "Career page (sample)"));

    /**
     * One job source of each type that reads where employers post, replayed here in the platform's
     * public format: {@code path} is the source's url and {@code apiPath} its api-url on this site.
     */
    public record JobSample(String id, String type, String name, String path, String apiPath) {}

    public static final List<JobSample> JOB_SAMPLES = List.of(
            new JobSample("sample-workday", "workday", "Bluestem Health (sample Workday site)", "/Bluestem_Careers",
                    "/wday/cxs/bluestem/Bluestem_Careers/jobs"),
            new JobSample("sample-greenhouse", "greenhouse", "Harborlight Pharmacy Services (sample Greenhouse board)",
                    "/harborlight", "/samples/greenhouse-jobs.json"),
            new JobSample("sample-lever", "lever", "Meridian Specialty Pharmacy", "/meridian", "/samples/lever-postings.json"),
            new JobSample("sample-smartrecruiters", "smartrecruiters", "MeadowCare Pharmacy (sample SmartRecruiters company)",
                    "/MeadowCarePharmacy", "/smartrecruiters/v1/companies/MeadowCarePharmacy/postings"),
            new JobSample("sample-usajobs", "usajobs", "USAJOBS pharmacy technician (sample)", "/usajobs/api/search",
                    "/usajobs/api/search"),
            new JobSample("sample-sitemap", "sitemap", "Prairie Drug careers (sample sitemap)", "/samples/jobs-sitemap.xml", null));

    /** The API key the sample USAJOBS endpoint expects (any other answers 401, as the real API does). */
    public static final String DEMO_USAJOBS_KEY = "demo-usajobs-key";

    private static final java.util.regex.Pattern WORKDAY_DETAIL = java.util.regex.Pattern.compile(
            "/wday/cxs/bluestem/Bluestem_Careers/job/.*_(R\\d+)");
    private static final java.util.regex.Pattern SMARTRECRUITERS_DETAIL = java.util.regex.Pattern.compile(
            "/smartrecruiters/v1/companies/MeadowCarePharmacy/postings/(\\d+)");
    private static final java.util.regex.Pattern JOB_PAGE = java.util.regex.Pattern.compile("/careers/job/(\\d+)");

    private static final Map<String, String> TYPES = Map.of(
            "rss", "application/rss+xml; charset=utf-8",
            "atom", "application/atom+xml; charset=utf-8",
            "html", "text/html; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "xml", "application/xml; charset=utf-8");

    private final HttpServer server;

    private SampleSite(HttpServer server) {
        this.server = server;
    }

    /** Starts on loopback; port 0 picks a free one. */
    public static SampleSite start(int port) throws IOException {
        // answer at once: without TCP_NODELAY the JDK server's separate header and body writes wait for
        // the client's delayed ACK, some 40 ms a request (the property is read when the first server is made)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        SampleSite site = new SampleSite(server);
        server.createContext("/", site::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "sample-site");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return site;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String file) {
        return "http://127.0.0.1:" + port() + "/samples/" + file;
    }

    /** The address of a path on this site. */
    public String address(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String api = apiSample(exchange, path);
            if (api != null) {
                if (api.isEmpty()) {
                    respond(exchange, 401, "application/json", "{\"error\":\"missing or wrong Authorization-Key\"}".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                byte[] body = sample(api);
                if (body == null) respond(exchange, 404, "application/json", "{\"error\":\"not found\"}".getBytes(StandardCharsets.UTF_8));
                else respond(exchange, 200, TYPES.get(api.substring(api.lastIndexOf('.') + 1)), body);
            } else if (path.startsWith("/samples/")) {
                String file = path.substring("/samples/".length());
                byte[] body = sample(file);
                if (body == null) {
                    respond(exchange, 404, "text/plain; charset=utf-8", ("no sample " + file).getBytes(StandardCharsets.UTF_8));
                    return;
                }
                String ext = file.substring(file.lastIndexOf('.') + 1);
                respond(exchange, 200, TYPES.getOrDefault(ext, "application/octet-stream"), body);
            } else if (path.equals("/robots.txt")) {
                respond(exchange, 200, "text/plain; charset=utf-8", "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8));
            } else {
                String title = Entities.escape(path);
                String html = "<!doctype html><html><head><meta charset=utf-8><title>" + title + "</title></head><body><h1>Sample page</h1><p>"
                        + title + " is a sample article served by the RxRadar demo.</p></body></html>";
                respond(exchange, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    // The job platforms' endpoints of the sample job sources: the sample file that answers, "" for 401, null for none
    private static String apiSample(HttpExchange exchange, String path) throws IOException {
        if (path.equals("/wday/cxs/bluestem/Bluestem_Careers/jobs")) {
            exchange.getRequestBody().readNBytes(64 * 1024); // the search body: every search finds the whole sample
            return "workday-jobs.json";
        }
        java.util.regex.Matcher m = WORKDAY_DETAIL.matcher(path);
        if (m.matches()) return "workday-job-" + m.group(1) + ".json";
        if (path.equals("/smartrecruiters/v1/companies/MeadowCarePharmacy/postings")) return "smartrecruiters-postings.json";
        m = SMARTRECRUITERS_DETAIL.matcher(path);
        if (m.matches()) return "smartrecruiters-posting-" + m.group(1) + ".json";
        if (path.equals("/usajobs/api/search")) {
            String key = exchange.getRequestHeaders().getFirst("Authorization-Key");
            return DEMO_USAJOBS_KEY.equals(key) ? "usajobs-search.json" : "";
        }
        m = JOB_PAGE.matcher(path);
        if (m.matches()) return "job-" + m.group(1) + ".html";
        return null;
    }

    private byte[] sample(String file) throws IOException {
        if (!file.matches("[A-Za-z0-9._-]+")) return null;
        try (InputStream in = SampleSite.class.getResourceAsStream("/samples/" + file)) {
            if (in == null) return null;
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("{{port}}", String.valueOf(port())).getBytes(StandardCharsets.UTF_8);
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
