package org.rxradar.trend;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.rxradar.model.Certification;
import org.rxradar.model.Kind;
import org.rxradar.model.Place;
import org.rxradar.model.Salary;
import org.rxradar.model.TaggedItem;
import org.rxradar.model.Taxonomy;

/**
 * A seeded stream of tagged items over {@link #DAYS} simulated days, with the counts it should
 * give worked out as it is generated (independently of the code under test). It mixes settings,
 * states and pay like a job board, and includes what a real stream has: irrelevant items, the
 * same job on a second board (same cluster), updates (same id published again, a day later) and
 * items whose date is only the fetch time. "usp 800" and "store closures" become frequent in the
 * last {@link #RECENT} days; "iv room" is steady throughout.
 */
final class TrendStream {
    static final LocalDate START = LocalDate.of(2026, 9, 1);
    static final int DAYS = 60;
    static final int RECENT = 7;
    static final LocalDate LAST = START.plusDays(DAYS - 1);

    /** The counts one day should give. */
    static final class Day {
        int relevantLeads, asking, newsItems, termItems;
        final Map<String, Integer> bySetting = new TreeMap<>(), byState = new TreeMap<>(), certs = new TreeMap<>(), news = new TreeMap<>();
        final Map<String, List<Double>> pay = new TreeMap<>();
        final Map<String, Integer> planted = new HashMap<>();
    }

    final List<TaggedItem> items = new ArrayList<>();
    final Map<LocalDate, Day> expected = new TreeMap<>();
    /** Index in {@link #items} of the first item of each day (updates of earlier days follow it). */
    final Map<LocalDate, Integer> firstIndex = new TreeMap<>();
    int updates, nearDuplicates, estimatedDates;

    private static final String[] SETTINGS = {"retail", "hospital", "long-term-care", "mail-order", "specialty", "clinic",
            "compounding", "industry", "home-infusion", "nuclear"};
    private static final int[] SETTING_WEIGHT = {40, 25, 8, 7, 7, 5, 3, 2, 2, 1};
    private static final double[] BASE_PAY = {17.0, 21.0, 18.5, 19.0, 20.5, 19.5, 20.0, 22.0, 21.5, 23.0};
    private static final String[][] STATES = {{"CA", "Fresno"}, {"TX", "Austin"}, {"FL", "Tampa"}, {"NY", "Albany"},
            {"OH", "Dayton"}, {"PA", "Erie"}, {"IL", "Peoria"}, {"GA", "Macon"}, {"NC", "Durham"}, {"AZ", "Tucson"}};
    private static final int[] STATE_WEIGHT = {18, 15, 14, 10, 9, 9, 8, 7, 6, 4};
    private static final String[] ROLES = {"Pharmacy Technician", "Certified Pharmacy Technician", "Pharmacy Technician Trainee",
            "Lead Pharmacy Technician", "Inventory Pharmacy Technician"};
    private static final String[] EMPLOYERS = {"Mercy Health", "Walgreens", "CVS Pharmacy", "Kroger", "Omnicare", "Optum Rx",
            "Accredo", "Option Care Health", "Cardinal Health", "St. Luke's Medical Center"};
    private static final String[] DUTIES = {"Fill prescriptions accurately", "Maintain inventory and order supplies",
            "Assist pharmacists with patient profiles", "Process insurance claims and prior authorizations",
            "Answer phones at the front counter", "Package unit dose medications", "Deliver medications to nursing units"};
    private static final String STEADY = "Prepare sterile products in the IV room";
    private static final String[] USP800 = {"Follow USP 800 rules for hazardous drugs", "USP 800 training provided",
            "Experience with USP 800 compliance preferred", "Help our pharmacy meet USP 800"};
    private static final String[] HEADLINES = {"Board of pharmacy updates technician ratio rules", "New CE requirements for technicians",
            "Drug shortage hits saline supplies", "Automation arrives in the pharmacy", "Conference recap from the national meeting",
            "Technicians weigh advanced roles"};
    private static final String[] CLOSURES = {"Chain announces store closures across the region", "Technicians react to store closures",
            "What store closures mean for pharmacy staff"};

    private final Random random;

    TrendStream(long seed) {
        random = new Random(seed);
        List<TaggedItem> pendingUpdates = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = START.plusDays(d);
            Day truth = expected.computeIfAbsent(day, x -> new Day());
            firstIndex.put(day, items.size());
            boolean recent = d >= DAYS - RECENT;
            List<TaggedItem> today = new ArrayList<>();
            int jobs = 30 + random.nextInt(20);
            for (int i = 0; i < jobs; i++) today.add(job(day, i, recent, truth));
            int news = 10 + random.nextInt(6);
            for (int i = 0; i < news; i++) today.add(news(day, i, recent, truth));
            // the same job seen on a second board: another id, the same cluster, never counted
            for (TaggedItem original : List.copyOf(today)) {
                if (original.kind() == Kind.JOB && original.relevant() && random.nextInt(100) < 8) {
                    today.add(copy(original, original.id() + "-board2", original.title(), original.published(), original.tagged(), null));
                    nearDuplicates++;
                }
            }
            items.addAll(pendingUpdates);
            pendingUpdates.clear();
            items.addAll(today);
            for (TaggedItem item : today) {
                if (random.nextInt(100) < 5) pendingUpdates.add(update(item));
            }
        }
        items.addAll(pendingUpdates);
    }

    private TaggedItem job(LocalDate day, int i, boolean recent, Day truth) {
        String id = "job-" + day + "-" + i;
        Set<String> settings = new LinkedHashSet<>();
        int s = pick(SETTING_WEIGHT);
        settings.add(SETTINGS[s]);
        if (SETTINGS[s].equals("hospital") && random.nextInt(100) < 15) settings.add("government");
        String[] place = STATES[pick(STATE_WEIGHT)];
        boolean relevant = random.nextInt(100) < 85;

        Salary salary = null;
        Double hourly = null;
        int payKind = random.nextInt(100);
        double h = Math.round((BASE_PAY[s] + random.nextGaussian() * 2) * 4) / 4.0;
        if (payKind < 45) {
            salary = new Salary(h - 1, h + 1, Salary.Unit.HOUR, "USD");
            hourly = h;
        } else if (payKind < 55) {
            salary = new Salary(h, null, Salary.Unit.HOUR, "USD");
            hourly = h;
        } else if (payKind < 70) {
            double annual = Math.round(h * 2080 / 500) * 500.0;
            salary = new Salary(annual, annual, Salary.Unit.YEAR, "USD");
            hourly = annual / 2080;
        }
        List<Certification> certs = new ArrayList<>();
        if (random.nextInt(100) < 55) certs.add(new Certification("PTCB-CPhT", random.nextBoolean()));
        if (random.nextInt(100) < 20) certs.add(new Certification("NHA-ExCPT", true));
        if (random.nextInt(100) < 12) certs.add(new Certification("STATE-LICENSE", true));
        if (random.nextInt(100) < 5) certs.add(new Certification("CSPT", false));

        StringBuilder summary = new StringBuilder(EMPLOYERS[random.nextInt(EMPLOYERS.length)]).append(" is hiring in ")
                .append(place[1]).append(", ").append(place[0]).append(". ");
        summary.append(DUTIES[random.nextInt(DUTIES.length)]).append(". ");
        if (random.nextInt(100) < 20) summary.append(STEADY).append(". ");
        boolean usp = random.nextInt(1000) < (recent ? 250 : 4);
        if (usp) summary.append(USP800[random.nextInt(USP800.length)]).append(". ");
        summary.append(DUTIES[random.nextInt(DUTIES.length)]).append(". Full time. Apply now!");

        boolean estimated = random.nextInt(100) < 10;
        Instant published = day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(random.nextInt(22 * 3600));
        Instant tagged = published.plus(Duration.ofMinutes(10));
        if (estimated) estimatedDates++;
        TaggedItem item = new TaggedItem(1, id, Kind.JOB, "board", "https://jobs.example.com/" + id,
                ROLES[random.nextInt(ROLES.length)] + " - " + EMPLOYERS[random.nextInt(EMPLOYERS.length)], summary.toString(),
                published, estimated, published, null, null, new Place(place[1] + ", " + place[0], place[1], place[0], false),
                List.copyOf(settings), List.of(), null, null, relevant, salary, certs, "FULL_TIME", List.of("DAY"), "c-" + id, tagged);
        if (relevant) {
            truth.relevantLeads++;
            truth.termItems++;
            for (String setting : settings) {
                truth.bySetting.merge(setting, 1, Integer::sum);
                if (hourly != null) truth.pay.computeIfAbsent(setting, x -> new ArrayList<>()).add(hourly);
            }
            truth.byState.merge(place[0], 1, Integer::sum);
            if (!certs.isEmpty()) truth.asking++;
            for (Certification c : certs) truth.certs.merge(c.id(), 1, Integer::sum);
            if (usp) truth.planted.merge("usp 800", 1, Integer::sum);
            if (summary.indexOf(STEADY) >= 0) truth.planted.merge("iv room", 1, Integer::sum);
        }
        return item;
    }

    private TaggedItem news(LocalDate day, int i, boolean recent, Day truth) {
        String id = "news-" + day + "-" + i;
        boolean relevant = random.nextInt(100) < 90;
        List<String> topics = new ArrayList<>();
        topics.add(Taxonomy.TOPICS.get(random.nextInt(Taxonomy.TOPICS.size())));
        if (random.nextInt(100) < 30) {
            String second = Taxonomy.TOPICS.get(random.nextInt(Taxonomy.TOPICS.size()));
            if (!topics.contains(second)) topics.add(second);
        }
        boolean closures = random.nextInt(1000) < (recent ? 300 : 8);
        boolean usp = random.nextInt(1000) < (recent ? 150 : 4);
        String title = closures ? CLOSURES[random.nextInt(CLOSURES.length)] : HEADLINES[random.nextInt(HEADLINES.length)];
        String summary = "Read the full story. " + (usp ? USP800[random.nextInt(USP800.length)] + ". " : "") + "The post appeared first on Pharmacy News.";
        Instant published = day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(random.nextInt(22 * 3600));
        TaggedItem item = new TaggedItem(1, id, Kind.NEWS, "news", "https://news.example.com/" + id, title, summary,
                published, false, published, null, null, null, List.of(), topics, null, null, relevant, null, null, null, null,
                "c-" + id, published.plus(Duration.ofMinutes(5)));
        if (relevant) {
            truth.newsItems++;
            truth.termItems++;
            for (String topic : topics) truth.news.merge(topic, 1, Integer::sum);
            if (closures) truth.planted.merge("store closures", 1, Integer::sum);
            if (usp) truth.planted.merge("usp 800", 1, Integer::sum);
        }
        return item;
    }

    /** The item published again a day later with a new title; an estimated date moves with the fetch. */
    private TaggedItem update(TaggedItem item) {
        updates++;
        Instant later = item.tagged().plus(Duration.ofDays(1));
        Instant published = item.publishedEstimated() ? later : item.published();
        return copy(item, item.id(), item.title() + " (updated) USP 800 store closures", published, later, later);
    }

    private static TaggedItem copy(TaggedItem i, String id, String title, Instant published, Instant tagged, Instant updated) {
        return new TaggedItem(i.v(), id, i.kind(), i.source(), i.url(), title, i.summary(), published, i.publishedEstimated(),
                published, updated, i.employer(), i.location(), i.settings(), i.topics(), i.scores(), i.evidence(), i.relevant(),
                i.salary(), i.certifications(), i.employment(), i.shift(), i.cluster(), tagged);
    }

    private int pick(int[] weights) {
        int total = 0;
        for (int w : weights) total += w;
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) return i;
        }
        return weights.length - 1;
    }

    /** Items counted with the phrase over [from, to]. */
    int planted(String phrase, LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Day day = expected.get(d);
            if (day != null) n += day.planted.getOrDefault(phrase, 0);
        }
        return n;
    }
}
