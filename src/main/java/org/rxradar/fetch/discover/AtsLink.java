package org.rxradar.fetch.discover;

import java.net.URI;

/**
 * A job board recognised from a URL: which platform, whose board, and where to read it.
 *
 * @param type   the source type: workday, greenhouse, lever, smartrecruiters or usajobs
 * @param token  the board's name on the platform (Greenhouse board token, Lever or SmartRecruiters
 *               company, Workday tenant); null for USAJOBS
 * @param site   the Workday career site; null for other platforms
 * @param url    the board's public address, for the source's {@code url}
 * @param apiUrl the platform's documented list endpoint for this board (what a reader derives from
 *               {@code url}; used as {@code api-url} only when requests must go elsewhere)
 */
public record AtsLink(String type, String token, String site, String url, String apiUrl) {

    /** The list endpoint with its origin replaced by {@code base} (a proxy or a test server); path and query are kept. */
    public String apiUrlAt(String base) {
        URI api = URI.create(apiUrl);
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return b + api.getRawPath() + (api.getRawQuery() == null ? "" : "?" + api.getRawQuery());
    }

    /** What was found, in words: "Greenhouse board 'acme'". */
    public String describe() {
        return switch (type) {
            case "workday" -> "Workday site '" + site + "' of tenant '" + token + "'";
            case "greenhouse" -> "Greenhouse board '" + token + "'";
            case "lever" -> "Lever postings of '" + token + "'";
            case "smartrecruiters" -> "SmartRecruiters company '" + token + "'";
            default -> "USAJOBS search";
        };
    }
}
