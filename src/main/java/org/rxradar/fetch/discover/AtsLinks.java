package org.rxradar.fetch.discover;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the public URLs of the job boards RxRadar reads through an API (board pages, embed
 * scripts and iframes, API endpoints) and names the board they belong to. Only the platforms' own
 * hosts count: a look-alike path on another host is not a board.
 */
public final class AtsLinks {
    private static final Pattern WORKDAY_HOST = Pattern.compile("([a-z0-9][a-z0-9-]*)\\.(wd\\d{1,3})\\.myworkdayjobs\\.com");
    // Workday puts an optional locale before the site: en-US, fr-CA, es-419
    private static final Pattern WORKDAY_LOCALE = Pattern.compile("[a-z]{2,3}-[A-Za-z0-9]{2,4}");
    // board tokens, company names, sites: what the platforms allow, nothing that needs quoting
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Set<String> GREENHOUSE_HOSTS = Set.of("boards.greenhouse.io", "job-boards.greenhouse.io");
    private static final Set<String> GREENHOUSE_API_HOSTS = Set.of("boards-api.greenhouse.io", "api.greenhouse.io");
    private static final Set<String> SMARTRECRUITERS_HOSTS = Set.of("jobs.smartrecruiters.com", "careers.smartrecruiters.com");
    private static final Set<String> SMARTRECRUITERS_RESERVED = Set.of("oneclick-ui", "sr-jobs", "search", "static");
    private static final String USAJOBS_DEFAULT_SEARCH = "https://www.usajobs.gov/Search/Results?k=pharmacy%20technician";

    private AtsLinks() {}

    /** The board {@code link} points at, or null when it is no job-board URL (or no URL at all). */
    public static AtsLink parse(String link) {
        URI uri = uri(link);
        if (uri == null) return null;
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        List<String> path = segments(uri.getRawPath());
        Matcher workday = WORKDAY_HOST.matcher(host);
        if (workday.matches()) return workday(host, workday.group(1), path);
        if (GREENHOUSE_HOSTS.contains(host)) return greenhouseBoard(uri, path);
        if (GREENHOUSE_API_HOSTS.contains(host)) return greenhouseApi(path);
        if (host.equals("jobs.lever.co") || host.equals("jobs.eu.lever.co")) {
            return path.isEmpty() ? null : lever(host.contains(".eu.") ? ".eu" : "", path.get(0));
        }
        if (host.equals("api.lever.co") || host.equals("api.eu.lever.co")) {
            return startsWith(path, "v0", "postings") && path.size() > 2 ? lever(host.contains(".eu.") ? ".eu" : "", path.get(2)) : null;
        }
        if (SMARTRECRUITERS_HOSTS.contains(host)) return smartRecruitersBoard(path);
        if (host.equals("api.smartrecruiters.com")) {
            return startsWith(path, "v1", "companies") && path.size() > 2 ? smartRecruiters(path.get(2)) : null;
        }
        if (host.equals("usajobs.gov") || host.endsWith(".usajobs.gov")) return usajobs(uri, host, path);
        return null;
    }

    private static AtsLink workday(String host, String tenant, List<String> path) {
        String site;
        if (startsWith(path, "wday", "cxs")) {
            // the API itself: /wday/cxs/<tenant>/<site>/jobs
            site = path.size() > 3 ? path.get(3) : null;
        } else {
            int i = !path.isEmpty() && WORKDAY_LOCALE.matcher(path.get(0)).matches() ? 1 : 0;
            site = path.size() > i ? path.get(i) : null;
        }
        if (site == null || !NAME.matcher(site).matches() || site.equalsIgnoreCase("wday")) return null;
        return new AtsLink("workday", tenant, site, "https://" + host + "/" + site,
                "https://" + host + "/wday/cxs/" + tenant + "/" + site + "/jobs");
    }

    private static AtsLink greenhouseBoard(URI uri, List<String> path) {
        if (path.isEmpty()) return null;
        // embeds name the board in a parameter: /embed/job_board?for=acme, /embed/job_board/js?for=acme, /embed/job_app?for=acme&token=1
        String board = path.get(0).equals("embed") ? query(uri, "for") : path.get(0);
        return greenhouse(board);
    }

    private static AtsLink greenhouseApi(List<String> path) {
        return startsWith(path, "v1", "boards") && path.size() > 2 ? greenhouse(path.get(2)) : null;
    }

    private static AtsLink greenhouse(String board) {
        if (board == null || !NAME.matcher(board).matches()) return null;
        return new AtsLink("greenhouse", board, null, "https://job-boards.greenhouse.io/" + board,
                "https://boards-api.greenhouse.io/v1/boards/" + board + "/jobs");
    }

    private static AtsLink lever(String region, String company) {
        if (!NAME.matcher(company).matches()) return null;
        return new AtsLink("lever", company, null, "https://jobs" + region + ".lever.co/" + company,
                "https://api" + region + ".lever.co/v0/postings/" + company);
    }

    private static AtsLink smartRecruitersBoard(List<String> path) {
        if (path.isEmpty()) return null;
        // the one-click apply pages: /oneclick-ui/company/<Company>/publication/<id>
        if (startsWith(path, "oneclick-ui", "company")) return path.size() > 2 ? smartRecruiters(path.get(2)) : null;
        return SMARTRECRUITERS_RESERVED.contains(path.get(0).toLowerCase(Locale.ROOT)) ? null : smartRecruiters(path.get(0));
    }

    private static AtsLink smartRecruiters(String company) {
        if (!NAME.matcher(company).matches()) return null;
        return new AtsLink("smartrecruiters", company, null, "https://jobs.smartrecruiters.com/" + company,
                "https://api.smartrecruiters.com/v1/companies/" + company + "/postings");
    }

    /** A search on USAJOBS as it is; anything else on the site (a single job, the home page) becomes the default search. */
    private static AtsLink usajobs(URI uri, String host, List<String> path) {
        String url;
        if (host.equals("data.usajobs.gov")) {
            String keyword = query(uri, "Keyword");
            url = keyword == null ? USAJOBS_DEFAULT_SEARCH
                    : "https://www.usajobs.gov/Search/Results?k=" + URLEncoder.encode(keyword, StandardCharsets.UTF_8).replace("+", "%20");
        } else if (!path.isEmpty() && path.get(0).equalsIgnoreCase("search") && uri.getRawQuery() != null) {
            url = "https://www.usajobs.gov" + uri.getRawPath() + "?" + uri.getRawQuery();
        } else {
            url = USAJOBS_DEFAULT_SEARCH;
        }
        return new AtsLink("usajobs", null, null, url, "https://data.usajobs.gov/api/search");
    }

    // ---- URL pieces

    private static URI uri(String link) {
        if (link == null) return null;
        String s = link.trim();
        if (s.startsWith("//")) s = "https:" + s;
        else if (!s.contains("://")) s = "https://" + s; // "boards.greenhouse.io/acme" typed without a scheme
        try {
            URI uri = new URI(s.replace(" ", "%20"));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) return null;
            return uri;
        } catch (Exception e) {
            return null;
        }
    }

    private static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        if (rawPath == null) return out;
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) out.add(decode(s.replace("+", "%2B")));
        }
        return out;
    }

    private static boolean startsWith(List<String> path, String first, String second) {
        return path.size() >= 2 && path.get(0).equalsIgnoreCase(first) && path.get(1).equalsIgnoreCase(second);
    }

    private static String query(URI uri, String name) {
        String q = uri.getRawQuery();
        if (q == null) return null;
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equalsIgnoreCase(name) && eq >= 0) {
                String value = decode(pair.substring(eq + 1)).trim();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    // a broken %-escape leaves the text as it is (it will not pass NAME then)
    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
