package org.rxradar.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.rxradar.bus.Bus;
import org.rxradar.config.ConfigException;
import org.rxradar.config.ConfigValidator;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.model.Subscriber;
import org.rxradar.digest.DigestLog;
import org.rxradar.digest.SubscriptionLog;
import org.rxradar.model.DigestRecord;
import org.rxradar.model.Json;
import org.rxradar.model.Taxonomy;
import org.rxradar.notify.NotifyLog;
import org.rxradar.notify.NotifyRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "subscribers", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
                "Manage digest subscribers (add, list, show, remove).",
                "",
                "Subscribers are kept in the compacted rxradar.subscriptions topic. While `rxradar run` or `rxradar demo` "
                        + "runs, these commands read and change its broker (a running demo is found in ./data/demo; "
                        + "--data-dir or --bootstrap name another); the first line on standard error says which."},
        subcommands = {SubscribersCommand.Add.class, SubscribersCommand.ListAll.class,
                SubscribersCommand.Show.class, SubscribersCommand.Remove.class})
public final class SubscribersCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Opens the bus and the subscription view for one command. */
    static <T> T withLog(ConfigOption config, BrokerOption broker, java.util.function.Function<SubscriptionLog, T> work) {
        RxRadarConfig cfg = config.load();
        try (Bus bus = broker.open(cfg, new java.io.PrintWriter(System.err, true)); SubscriptionLog log = new SubscriptionLog(bus.clients())) {
            return work.apply(log);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a subscriber, or update one with the same address.")
    static final class Add implements Callable<Integer> {
        @Mixin ConfigOption config;
        @Mixin BrokerOption broker;
        @Parameters(index = "0", paramLabel = "EMAIL") String email;
        @Option(names = "--name") String name;
        @Option(names = "--settings", split = ",", paramLabel = "ID", description = "Settings (empty: all): ${COMPLETION-CANDIDATES}",
                completionCandidates = SettingIds.class) List<String> settings = List.of();
        @Option(names = "--topics", split = ",", paramLabel = "ID", description = "Topics (empty: all): ${COMPLETION-CANDIDATES}",
                completionCandidates = TopicIds.class) List<String> topics = List.of();
        @Option(names = "--kinds", split = ",", paramLabel = "KIND", description = "jobs, news (empty: both)") List<String> kinds = List.of();
        @Option(names = "--states", split = ",", paramLabel = "ST", description = "Two-letter states (empty: anywhere)") List<String> states = List.of();
        @Option(names = "--remote", description = "Also remote jobs") boolean remote;
        @Option(names = "--keywords", split = ",") List<String> keywords = List.of();
        @Option(names = "--timezone", defaultValue = "UTC", description = "Default: ${DEFAULT-VALUE}") String timezone;
        @Option(names = "--send-at", defaultValue = "07:00", description = "Local time, default: ${DEFAULT-VALUE}") String sendAt;
        @Option(names = "--frequency", defaultValue = "daily", description = "daily, weekly or weekly:DAY") String frequency;
        @Option(names = "--notify", paramLabel = "KIND=URL",
                description = "An alert target besides email, repeatable: webhook=URL, ntfy=URL, slack=URL or discord=URL")
        List<String> notify = List.of();
        @Option(names = "--notify-when", defaultValue = "digest", description = "digest or new-leads (default: ${DEFAULT-VALUE})")
        String notifyWhen;

        @Override
        public Integer call() {
            Subscriber s;
            List<org.rxradar.config.ConfigException.Problem> problems = new java.util.ArrayList<>();
            List<org.rxradar.model.NotifyTarget> targets = new java.util.ArrayList<>();
            for (int i = 0; i < notify.size(); i++) {
                String n = notify.get(i);
                int eq = n.indexOf('=');
                String kind = eq < 0 ? "" : n.substring(0, eq).trim().toLowerCase(java.util.Locale.ROOT);
                var k = java.util.Arrays.stream(org.rxradar.model.NotifyTarget.Kind.values()).filter(x -> x.key().equals(kind)).findFirst();
                if (k.isEmpty()) problems.add(new org.rxradar.config.ConfigException.Problem("--notify[" + i + "]",
                        "'" + n + "' is not KIND=URL with KIND one of webhook, ntfy, slack, discord"));
                else targets.add(org.rxradar.model.NotifyTarget.of(k.get(), n.substring(eq + 1).trim()));
            }
            try {
                s = Subscriber.of(null, email.trim(), name, settings, topics, kinds, states, remote, keywords,
                        timezone, sendAt, frequency, "confirmed").toBuilder().notifyTargets(targets).notifyWhen(notifyWhen).build();
            } catch (org.rxradar.model.InvalidValueException e) {
                problems.addAll(e.problems().stream()
                        .map(p -> new org.rxradar.config.ConfigException.Problem(p.within("subscriber").field(), p.message())).toList());
                throw new org.rxradar.config.ConfigException(problems);
            }
            String own = config.load().http().publicBaseUrl();
            for (int i = 0; i < s.notifyTargets().size(); i++) {
                var t = s.notifyTargets().get(i);
                if (t.pointsAt(own)) problems.add(new org.rxradar.config.ConfigException.Problem("subscriber.notify[" + i + "]." + t.key(),
                        "'" + t.uri() + "' is this RxRadar server itself (" + own + "); give the address of the service that should receive the alerts"));
            }
            if (!problems.isEmpty()) throw new org.rxradar.config.ConfigException(problems);
            withLog(config, broker, log -> {
                log.put(s);
                log.awaitCaughtUp();
                return null;
            });
            System.out.println("Added " + s.email() + " (" + s.id() + ")");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List subscribers, one per line.")
    static final class ListAll implements Callable<Integer> {
        @Mixin ConfigOption config;
        @Mixin BrokerOption broker;

        @Override
        public Integer call() {
            List<Subscriber> all = withLog(config, broker, SubscriptionLog::all);
            for (Subscriber s : all) {
                System.out.printf("%-18s %-32s %-12s settings=%s topics=%s states=%s %s@%s%n", s.id(), s.email(), s.status(),
                        s.settings(), s.topics(), s.states(), s.frequency(), s.sendAt() + " " + s.timezone());
            }
            if (all.isEmpty()) System.err.println("No subscribers.");
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show one subscriber as JSON (settings, filters, notify targets), then their digests, newest first "
                    + "(failures with the server's answer), then each notify target's latest alert.")
    static final class Show implements Callable<Integer> {
        @Mixin ConfigOption config;
        @Mixin BrokerOption broker;
        @Parameters(paramLabel = "EMAIL_OR_ID") String who;
        @Option(names = "--limit", defaultValue = "30", description = "digests to list (default: ${DEFAULT-VALUE})") int limit;
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            java.io.PrintWriter out = spec.commandLine().getOut();
            RxRadarConfig cfg = config.load();
            try (Bus bus = broker.open(cfg, spec.commandLine().getErr()); SubscriptionLog subs = new SubscriptionLog(bus.clients())) {
                var found = subs.find(who);
                if (found.isEmpty()) {
                    spec.commandLine().getErr().println("No subscriber " + who);
                    spec.commandLine().getErr().flush();
                    return 1;
                }
                out.println(Json.text(found.get()));
                try (DigestLog digests = new DigestLog(bus.clients())) {
                    printHistory(out, digests.history(found.get().id()), limit);
                }
                try (NotifyLog alerts = new NotifyLog(bus.clients())) {
                    printAlerts(out, found.get(), alerts.of(found.get().id()));
                }
            }
            out.flush();
            return 0;
        }

        static void printHistory(java.io.PrintWriter out, List<DigestRecord> history, int limit) {
            if (history.isEmpty()) {
                out.println("Digests: none yet");
                return;
            }
            long failed = history.stream().filter(r -> "failed".equals(r.delivery())).count();
            long inDoubt = history.stream().filter(r -> DigestRecord.UNKNOWN.equals(r.delivery())).count();
            out.println("Digests: " + history.size() + (failed == 0 ? "" : ", " + failed + " failed")
                    + (inDoubt == 0 ? "" : ", " + inDoubt + " interrupted (may not have arrived)"));
            for (DigestRecord r : history.stream().limit(Math.max(0, limit)).toList()) {
                out.printf("  %s  delivery: %-8s leads: %-3d news: %-3d items: %-3d at %s%s%n", r.period(), shortDelivery(r.delivery()),
                        r.leads(), r.news(), r.itemIds().size(), r.sent(), r.error() == null ? "" : "  error: " + r.error());
            }
            if (history.size() > limit) out.println("  ... " + (history.size() - limit) + " older");
        }

        /** Each notify target with its latest result: a failing one shows the target's answer. */
        static void printAlerts(java.io.PrintWriter out, Subscriber s, List<NotifyRecord> results) {
            if (s.notifyTargets().isEmpty() && results.isEmpty()) {
                out.println("Alerts: no notify targets");
                return;
            }
            out.println("Alerts (" + s.notifyWhen().text() + "): " + s.notifyTargets().size() + " target"
                    + (s.notifyTargets().size() == 1 ? "" : "s"));
            for (var t : s.notifyTargets()) {
                String id = NotifyLog.targetId(t);
                NotifyRecord r = results.stream().filter(x -> x.targetId().equals(id)).findFirst().orElse(null);
                String last = r == null ? "not used yet"
                        : (r.ok() ? "ok" : "FAILED") + " at " + r.at() + " (" + r.event() + ", " + r.items() + " leads, "
                          + r.attempts() + " tries" + (r.status() > 0 ? ", HTTP " + r.status() : "") + ")"
                          + (r.error() == null ? "" : "  error: " + r.error())
                          + (r.lastSent() == null ? "" : "  last sent: " + r.lastSent());
                out.printf("  %-8s %-40s %s%n", t.key(), t.uri().getHost(), last);
            }
        }

        /** "smtp://host:587" and "outbox ./outbox" become "smtp" and "outbox"; "skipped" and "failed" stay. */
        private static String shortDelivery(String delivery) {
            if (delivery == null) return "?";
            int cut = delivery.indexOf(':');
            int space = delivery.indexOf(' ');
            if (space > 0 && (cut < 0 || space < cut)) cut = space;
            return cut > 0 ? delivery.substring(0, cut) : delivery;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a subscriber.")
    static final class Remove implements Callable<Integer> {
        @Mixin ConfigOption config;
        @Mixin BrokerOption broker;
        @Parameters(paramLabel = "EMAIL_OR_ID") String who;

        @Override
        public Integer call() {
            boolean removed = withLog(config, broker, log -> {
                var found = log.find(who);
                found.ifPresent(s -> log.remove(s.id()));
                return found.isPresent();
            });
            if (!removed) {
                System.err.println("No subscriber " + who);
                return 1;
            }
            System.out.println("Removed " + who);
            return 0;
        }
    }

    static final class SettingIds extends java.util.ArrayList<String> {
        SettingIds() {
            super(Taxonomy.SETTINGS);
        }
    }

    static final class TopicIds extends java.util.ArrayList<String> {
        TopicIds() {
            super(Taxonomy.TOPICS);
        }
    }
}
