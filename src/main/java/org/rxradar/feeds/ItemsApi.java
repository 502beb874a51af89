package org.rxradar.feeds;

import org.rxradar.view.ViewQuery;
import org.rxradar.view.FeedView;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.rxradar.filter.LeadFilter;
import org.rxradar.model.HourlyPay;
import org.rxradar.model.Json;
import org.rxradar.model.Kind;
import org.rxradar.model.TaggedItem;

/**
 * The read API under {@code /api/}: {@code /api/items} (JSON, one page of tagged items and the
 * cursor of the next), {@code /api/items.csv} (the same filters, job leads as CSV) and
 * {@code /api/openapi.json} (the OpenAPI 3.0 description of both). Reads the feed view only.
 */
public final class ItemsApi implements HttpHandler {
    static final String OPENAPI_RESOURCE = "/api/openapi.json";
    private final FeedView view;
    private final byte[] openApi;

    public ItemsApi(FeedView view) {
        this.view = view;
        try (InputStream in = ItemsApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the classpath");
            this.openApi = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        String method = ex.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            ex.getResponseHeaders().set("Allow", "GET, HEAD");
            text(ex, 405, "Method " + method + " is not allowed here; use GET\n");
            return;
        }
        try {
            switch (path) {
                case "/api/items" -> items(ex, false);
                case "/api/items.csv" -> items(ex, true);
                case "/api/openapi.json" -> send(ex, 200, "application/json", "public, max-age=3600", openApi);
                default -> text(ex, 404, "Not found: " + path + ". Try /api/items, /api/items.csv or /api/openapi.json\n");
            }
        } catch (HttpProblem p) {
            text(ex, p.status(), p.getMessage());
        }
    }

    private void items(HttpExchange ex, boolean csv) throws IOException {
        ApiQuery q = ApiQuery.parse(ex.getRequestURI().getRawQuery());
        ViewQuery filters = q.filters();
        if (csv) {
            if (filters.kind() == Kind.NEWS) throw HttpProblem.badRequest("Bad query: kind: the CSV export lists job leads only\n");
            filters = filters.withKind(Kind.JOB);
        }
        // one more than asked tells whether a next page exists
        List<TaggedItem> page = view.page(filters, q::matchesText, q.since(), q.afterMillis(), q.afterId(), q.limit() + 1);
        String next = null;
        if (page.size() > q.limit()) {
            page = page.subList(0, q.limit());
            next = ApiQuery.cursorAfter(page.get(page.size() - 1));
        }
        if (csv) {
            if (next != null) ex.getResponseHeaders().set("Link", "</api/items.csv?" + nextQuery(ex, next) + ">; rel=\"next\"");
            ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"rxradar-leads.csv\"");
            send(ex, 200, "text/csv; charset=utf-8; header=present", "no-cache", ItemsCsv.write(page).getBytes(StandardCharsets.UTF_8));
            return;
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode items = body.putArray("items");
        for (TaggedItem item : page) items.add(itemJson(item, filters.leads()));
        if (next == null) body.putNull("next");
        else body.put("next", next);
        send(ex, 200, "application/json", "no-cache", Json.bytes(body));
    }

    /** The tagged item as its record is written, plus {@code payPerHour} and, with near, {@code distanceMiles}. */
    static ObjectNode itemJson(TaggedItem item, LeadFilter leads) {
        ObjectNode o = Json.MAPPER.valueToTree(item);
        if (HourlyPay.stated(item.salary())) {
            ObjectNode pay = o.putObject("payPerHour");
            putMoney(pay, "min", HourlyPay.min(item.salary()));
            putMoney(pay, "max", HourlyPay.max(item.salary()));
            pay.put("text", HourlyPay.format(item.salary()));
        } else {
            o.putNull("payPerHour");
        }
        if (leads.near() != null && item.kind() == Kind.JOB) {
            Long miles = leads.milesTo(item.location());
            if (miles == null) o.putNull("distanceMiles");
            else o.put("distanceMiles", miles);
        }
        return o;
    }

    private static void putMoney(ObjectNode o, String name, Double v) {
        if (v == null) o.putNull(name);
        else o.put(name, BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP));
    }

    // the request's own query with the cursor replaced
    private static String nextQuery(HttpExchange ex, String cursor) {
        String raw = ex.getRequestURI().getRawQuery();
        List<String> parts = new ArrayList<>();
        if (raw != null) for (String p : raw.split("&")) if (!p.isEmpty() && !p.startsWith("cursor=")) parts.add(p);
        parts.add("cursor=" + cursor);
        return String.join("&", parts);
    }

    private static void text(HttpExchange ex, int status, String message) throws IOException {
        send(ex, status, "text/plain; charset=utf-8", "no-store", message.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, String cacheControl, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", cacheControl);
        boolean head = ex.getRequestMethod().equals("HEAD");
        if (head) ex.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
