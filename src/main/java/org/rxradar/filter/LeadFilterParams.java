package org.rxradar.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rxradar.model.FieldProblem;
import org.rxradar.model.InvalidValueException;

/**
 * The query parameters of the lead filters, the same for feeds, the API and forms:
 * {@code min-pay} (dollars per hour), {@code include-unpaid} (true|false, default true),
 * {@code near} (ZIP code), {@code radius} (miles, default 50 with near) and {@code remote}
 * (true|false: remote leads pass the distance filter).
 */
public final class LeadFilterParams {
    public static final List<String> NAMES = List.of("min-pay", "include-unpaid", "near", "radius", "remote");

    private LeadFilterParams() {}

    /**
     * The filter the parameters ask for ({@link LeadFilter#NONE} when none is given); other parameters are ignored.
     *
     * @param params name to values, as split from a query string
     * @throws InvalidValueException naming every bad parameter
     */
    public static LeadFilter read(Map<String, List<String>> params) {
        List<FieldProblem> problems = new ArrayList<>();
        Double minPay = null;
        String minPayText = one(params, "min-pay", problems);
        if (minPayText != null) {
            try {
                minPay = Double.parseDouble(minPayText.replace("$", ""));
                if (minPay.isInfinite()) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("min-pay", "'" + minPayText + "' is not a number of dollars per hour"));
            }
        }
        Boolean includeUnpaid = bool(params, "include-unpaid", problems);
        Boolean remote = bool(params, "remote", problems);
        String near = one(params, "near", problems);
        Integer radius = null;
        String radiusText = one(params, "radius", problems);
        if (radiusText != null) {
            try {
                radius = Integer.parseInt(radiusText);
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("radius", "'" + radiusText + "' is not a whole number of miles"));
            }
        }
        LeadFilter filter = null;
        try {
            filter = new LeadFilter(minPay, includeUnpaid == null || includeUnpaid, near, radius, remote != null && remote);
        } catch (InvalidValueException e) {
            // a value that did not parse was reported already: keep the rest of the problems
            for (FieldProblem p : e.problems()) if (problems.stream().noneMatch(q -> q.field().equals(p.field()))) problems.add(p);
        }
        if (!problems.isEmpty()) throw new InvalidValueException(problems);
        return filter;
    }

    /** The parameters that give this filter back, in a stable order ("min-pay=20&near=78701&radius=25"); empty for none. */
    public static List<String> canonical(LeadFilter f) {
        List<String> out = new ArrayList<>();
        if (f.minPay() != null) out.add("min-pay=" + number(f.minPay()));
        if (f.minPay() != null && !f.includeUnpaid()) out.add("include-unpaid=false");
        if (f.near() != null) out.add("near=" + f.near());
        if (f.near() != null) out.add("radius=" + f.radius());
        if (f.near() != null && f.remote()) out.add("remote=true");
        return out;
    }

    public static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String one(Map<String, List<String>> params, String name, List<FieldProblem> problems) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) return null;
        if (values.size() > 1) {
            problems.add(new FieldProblem(name, "give one value, not " + String.join(",", values)));
            return null;
        }
        return values.get(0).trim();
    }

    private static Boolean bool(Map<String, List<String>> params, String name, List<FieldProblem> problems) {
        String v = one(params, name, problems);
        if (v == null) return null;
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> {
                problems.add(new FieldProblem(name, "'" + v + "' is not true or false"));
                yield null;
            }
        };
    }
}
