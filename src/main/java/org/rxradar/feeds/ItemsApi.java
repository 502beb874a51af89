package org.rxradar.feeds;

import org.rxradar.view.ViewQuery;
import org.rxradar.view.FeedView;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
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
import org.rxradar.web.http.Exchange;
import org.rxradar.web.http.HttpProblem;
import org.rxradar.web.http.Router;

/**
 * The read API under {@code /api/}: {@code /api/items} (JSON, one page of tagged items and the
 * cursor of the next), {@code /api/items.csv} (the same filters, job leads as CSV) and
 * {@code /api/openapi.json} (the OpenAPI 3.0 description of both). Reads the feed view only.
 */
final class ItemsApi {
    static final String OPENAPI_RESOURCE = "/api/openapi.json";
    private final FeedView view;
    private final byte[] openApi;

    ItemsApi(FeedView view) {
        this.view = view;
        try (InputStream in = ItemsApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the classpath");
            this.openApi = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds {@code /api/items}, {@code /api/items.csv} and {@code /api/openapi.json}. */
    void installOn(Router router) {
        router.get("/api/items", ex -> items(ex, false));
        router.get("/api/items.csv", ex -> items(ex, true));
        router.get(OPENAPI_RESOURCE, ex -> ex.send(200, Exchange.JSON, "public, max-age=3600", openApi));
        router.notFoundHint("/api/", "Try /api/items, /api/items.csv or /api/openapi.json");
    }

    private void items(Exchange ex, boolean csv) throws IOException {
        ApiQuery q = ApiQuery.parse(ex.query());
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
            if (next != null) ex.header("Link", "</api/items.csv?" + nextQuery(ex.rawQuery(), next) + ">; rel=\"next\"");
            ex.header("Content-Disposition", "attachment; filename=\"rxradar-leads.csv\"");
            ex.send(200, "text/csv; charset=utf-8; header=present", "no-cache", ItemsCsv.write(page).getBytes(StandardCharsets.UTF_8));
            return;
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode items = body.putArray("items");
        for (TaggedItem item : page) items.add(itemJson(item, filters.leads()));
        if (next == null) body.putNull("next");
        else body.put("next", next);
        ex.send(200, Exchange.JSON, "no-cache", Json.bytes(body));
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
    private static String nextQuery(String raw, String cursor) {
        List<String> parts = new ArrayList<>();
        if (raw != null) for (String p : raw.split("&")) if (!p.isEmpty() && !p.startsWith("cursor=")) parts.add(p);
        parts.add("cursor=" + cursor);
        return String.join("&", parts);
    }
}
