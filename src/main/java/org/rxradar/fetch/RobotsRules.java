package org.rxradar.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of one robots.txt for one user-agent token, as crawler-commons reads them (RFC 9309):
 * the group naming our token, else the {@code *} group; longest match wins, Allow wins a tie;
 * {@code *} and {@code $} wildcards; paths compared percent-decoded where that is safe
 * ({@code /caf%C3%A9} and {@code /café} are one path). A {@code Crawl-delay} over five minutes
 * disallows the host (crawler-commons' limit): such a host does not want to be polled.
 */
final class RobotsRules {
    static final RobotsRules ALLOW_ALL = new RobotsRules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL));
    static final RobotsRules DISALLOW_ALL = new RobotsRules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE));
    /** Rules are matched on a URL; a bare path is checked as if on this origin. */
    private static final String ANY_ORIGIN = "http://robots.invalid";

    private final BaseRobotRules rules;

    private RobotsRules(BaseRobotRules rules) {
        this.rules = rules;
    }

    /** @param robotsUrl where the file came from (crawler-commons reports problems with it) */
    static RobotsRules parse(String robotsUrl, byte[] body, String agentToken) {
        // a new parser per file: it counts warnings per parse and is not meant to be shared across threads
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        return new RobotsRules(parser.parseContent(robotsUrl, body, "text/plain",
                List.of(agentToken.toLowerCase(Locale.ROOT))));
    }

    static RobotsRules parse(String text, String agentToken) {
        return parse(ANY_ORIGIN + "/robots.txt", text.getBytes(StandardCharsets.UTF_8), agentToken);
    }

    boolean allows(URI url) {
        return rules.isAllowed(url.toString());
    }

    /** @param pathAndQuery as sent, percent-encoded ("/jobs?id=7") */
    boolean allows(String pathAndQuery) {
        String path = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : pathAndQuery;
        return rules.isAllowed(ANY_ORIGIN + path);
    }

    /** The file's {@code Crawl-delay} for our group, if it gave one. */
    Optional<Duration> crawlDelay() {
        long ms = rules.getCrawlDelay();
        return ms == BaseRobotRules.UNSET_CRAWL_DELAY || ms <= 0 ? Optional.empty() : Optional.of(Duration.ofMillis(ms));
    }

    boolean allowsNothing() {
        return rules.isAllowNone();
    }
}
