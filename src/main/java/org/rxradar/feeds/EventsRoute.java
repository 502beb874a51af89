package org.rxradar.feeds;

import org.rxradar.view.ViewQuery;
import org.rxradar.view.FeedView;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.rxradar.calendar.EventCalendar;
import org.rxradar.model.Kind;
import org.rxradar.web.http.Exchange;
import org.rxradar.web.http.Route;

/** {@code /feeds/topics/events.ics}: the news tagged {@code events} that names a date, as iCalendar. */
final class EventsRoute implements Route {
    static final String PATH = "/feeds/topics/events.ics";
    private final FeedView view;
    private final Clock clock;

    EventsRoute(FeedView view, Clock clock) {
        this.view = view;
        this.clock = clock;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        ViewQuery q = ViewQuery.all().withKind(Kind.NEWS).withTopics(List.of("events")).withLimit(ViewQuery.MAX_LIMIT);
        String ics = EventCalendar.write("RxRadar: pharmacy technician events", view.query(q).items(), clock.instant());
        ex.send(200, EventCalendar.CONTENT_TYPE, FeedRoutes.FEED_CACHE_CONTROL, ics);
    }
}
