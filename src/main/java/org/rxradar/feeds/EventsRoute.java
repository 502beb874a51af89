package org.rxradar.feeds;

import org.rxradar.view.ViewQuery;
import org.rxradar.view.FeedView;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.rxradar.calendar.EventCalendar;
import org.rxradar.model.Kind;

/** {@code /feeds/topics/events.ics}: the news tagged {@code events} that names a date, as iCalendar. */
final class EventsRoute implements HttpHandler {
    static final String PATH = "/feeds/topics/events.ics";
    private final FeedView view;
    private final Clock clock;

    EventsRoute(FeedView view, Clock clock) {
        this.view = view;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        byte[] body;
        int status;
        String type = EventCalendar.CONTENT_TYPE;
        if (!ex.getRequestURI().getRawPath().equals(PATH)) {
            status = 404;
            type = "text/plain; charset=utf-8";
            body = ("No calendar at " + ex.getRequestURI().getRawPath() + "; the events calendar is " + PATH + "\n").getBytes(StandardCharsets.UTF_8);
        } else if (!method.equals("GET") && !method.equals("HEAD")) {
            ex.getResponseHeaders().set("Allow", "GET, HEAD");
            status = 405;
            type = "text/plain; charset=utf-8";
            body = ("Method " + method + " is not allowed here; use GET\n").getBytes(StandardCharsets.UTF_8);
        } else {
            ViewQuery q = ViewQuery.all().withKind(Kind.NEWS).withTopics(List.of("events")).withLimit(ViewQuery.MAX_LIMIT);
            String ics = EventCalendar.write("RxRadar: pharmacy technician events", view.query(q).items(), clock.instant());
            status = 200;
            body = ics.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Cache-Control", HttpApi.FEED_CACHE_CONTROL);
        }
        ex.getResponseHeaders().set("Content-Type", type);
        boolean head = method.equals("HEAD");
        if (head) ex.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
