package org.rxradar.trend;

import org.rxradar.model.Json;

/** The JSON form of a {@link TrendReport}, served at {@code /trends}: the record as the shared mapper writes it. */
public final class TrendJson {
    private TrendJson() {}

    public static String render(TrendReport report) {
        return Json.text(report);
    }
}
