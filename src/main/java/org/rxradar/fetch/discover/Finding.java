package org.rxradar.fetch.discover;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.rxradar.config.RxRadarConfig;

/**
 * One source found for a career page, ready to become a config block.
 *
 * @param via      how it was found; also its rank (an API first: it lists every posting with details)
 * @param type     the source type
 * @param url      the source's url
 * @param apiUrl   its api-url, or null when the reader derives the endpoint from {@code url}
 * @param include  a sitemap source's include regex, or null
 * @param name     a display name
 * @param idBase   the id to start from (made unique among the blocks printed together)
 * @param interval how often to poll
 * @param evidence what was found where, in one line
 * @param notes    what the operator still has to do (an API key), as lines; may be empty
 * @param todo     config lines to print commented out, for the operator to fill in (USAJOBS' key)
 */
public record Finding(Via via, String type, String url, String apiUrl, String include, String name, String idBase,
                      Duration interval, String evidence, List<String> notes, List<String> todo) {

    /** In the order findings are printed: best first. */
    public enum Via { JOB_BOARD, SITEMAP, FEED, JSON_LD }

    public Finding {
        notes = List.copyOf(notes);
        todo = List.copyOf(todo);
    }

    /** The source this finding describes, with the given id; every other key keeps its default. */
    public RxRadarConfig.Source toSource(String id) {
        return new RxRadarConfig.Source(id, type, "job", url, interval, name, Map.of(), true, apiUrl, null, null, null,
                include, null);
    }
}
