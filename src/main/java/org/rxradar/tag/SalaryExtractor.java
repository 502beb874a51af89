package org.rxradar.tag;

import java.util.Locale;
import org.rxradar.model.Salary;

/**
 * Advertised pay from text: the first dollar figure or range that is pay (not a bonus, a
 * differential or a fine), normalised to {@link Salary}. "$18.50 - $22/hr" is a range; a single
 * figure gives min = max; "up to" fills only max, "starting at" / "to start" only min. Without a
 * stated unit, figures under 300 are hourly and figures of 10,000 or more annual. "Competitive pay"
 * has no figure and gives null.
 */
final class SalaryExtractor {
    private static final String[] HOURLY = {"/hr", "/hour", "/ hr", "/ hour", "per hour", "an hour", "hourly", "/h ", "a hour", "per hr", "hr."};
    private static final String[] YEARLY = {"/yr", "/year", "/ yr", "/ year", "per year", "a year", "annually", "annual", "per annum", "yearly", "salary"};
    private static final String[] OTHER_UNITS = {"per month", "/month", "a month", "monthly", "per week", "/week", "a week", "weekly", "per visit", "per day", "per diem rate"};
    private static final String[] NOT_PAY_AFTER = {"differential", "bonus", "sign-on", "sign on", "stipend", "referral", "tuition",
            "relocation", "million", "billion", "fine", "allowance", "reimburse"};
    private static final String[] NOT_PAY_BEFORE = {"bonus", "sign-on", "sign on", "differential", "fined", "fine of", "stipend", "tuition",
            "reimbursement", "relocation", "allowance", "referral", "plus", "diff"};

    private static final java.util.regex.Pattern UNIT_PREFIX =
            java.util.regex.Pattern.compile("^[^a-z]*(/\\s*)?(hr|hour|per hour|an hour|hourly)?\\.?\\s*");

    private static final java.util.regex.Pattern BARE = java.util.regex.Pattern.compile(
            "(?i)\\b(\\d{1,3}(?:,\\d{3})+|\\d{1,3}(?:\\.\\d{2})?)\\s*(?:(?:-|\u2013|to)\\s*(\\d{1,3}(?:,\\d{3})+|\\d{1,3}(?:\\.\\d{2})?))?\\s*"
                    + "(/\\s*hr|/\\s*hour|per hour|an hour|hourly|usd per hour|dollars per hour|dollars an hour|per year|/\\s*yr|/\\s*year|a year|annually)\\b");

    private SalaryExtractor() {}

    /** Returns the pay and fills {@code evidence[0]} with the phrase; null when the text states none. */
    static Salary extract(String text, String[] evidence) {
        if (text == null) return null;
        if (text.indexOf('$') < 0) return withoutDollarSign(text, evidence);
        int from = 0;
        while (true) {
            int dollar = text.indexOf('$', from);
            if (dollar < 0) return null;
            from = dollar + 1;
            Salary s = at(text, dollar, evidence);
            if (s != null) return s;
        }
    }

    private static Salary at(String text, int dollar, String[] evidence) {
        double[] first = new double[1];
        int end = number(text, dollar + 1, first);
        if (end < 0) return null;
        double lo = first[0], hi = first[0];
        boolean range = false;
        int sep = skipSpaces(text, end);
        int afterSep = -1;
        if (sep < text.length() && (text.charAt(sep) == '-' || text.charAt(sep) == '\u2013' || text.charAt(sep) == '\u2014')) afterSep = sep + 1;
        else if (text.regionMatches(true, sep, "to ", 0, 3)) afterSep = sep + 3;
        if (afterSep > 0) {
            int p = skipSpaces(text, afterSep);
            if (p < text.length() && text.charAt(p) == '$') p++;
            double[] second = new double[1];
            int end2 = number(text, p, second);
            if (end2 > 0 && second[0] >= lo) {
                hi = second[0];
                end = end2;
                range = true;
            }
        }
        // only the windows around the figure are lower-cased: the rest of a 1 KB posting is never looked at
        String before = text.substring(Math.max(0, dollar - 30), dollar).toLowerCase(Locale.ROOT);
        String after = text.substring(end, Math.min(text.length(), end + 30)).toLowerCase(Locale.ROOT);
        String near = after.substring(0, Math.min(after.length(), 18));
        for (String w : NOT_PAY_BEFORE) if (lastClause(before).contains(w)) return null;
        for (String w : NOT_PAY_AFTER) if (near.contains(w)) return null;
        for (String w : OTHER_UNITS) if (near.contains(w)) return null;
        Salary.Unit unit = null;
        for (String w : HOURLY) if (near.startsWith(w.trim()) || near.contains(w)) { unit = Salary.Unit.HOUR; break; }
        if (unit == null) for (String w : YEARLY) if (near.contains(w)) { unit = Salary.Unit.YEAR; break; }
        if (unit == null) {
            if (hi < 300) unit = Salary.Unit.HOUR;
            else if (lo >= 10_000) unit = Salary.Unit.YEAR;
            else return null;
        }
        if (unit == Salary.Unit.HOUR && (lo < 5 || hi > 300)) return null;
        if (unit == Salary.Unit.YEAR && (lo < 10_000 || hi > 1_000_000)) return null;
        Double min = lo, max = hi;
        String clause = lastClause(before);
        if (!range && (clause.contains("up to") || clause.contains("as much as"))) min = null;
        else if (!range && (clause.contains("starting") || clause.contains("starts at") || clause.contains("from ")
                || startsWithAny(UNIT_PREFIX.matcher(after).replaceFirst(""), "to start", "starting", "start"))) {
            max = null;
        }
        evidence[0] = (text.substring(dollar, end) + unitWords(text.substring(end, Math.min(text.length(), end + 14)))).trim();
        return new Salary(min, max, unit, "USD");
    }

    /** "Pay: 18.50 - 22.00 per hour" without a dollar sign: only with an explicit hourly or annual unit. */
    private static Salary withoutDollarSign(String text, String[] evidence) {
        // the pattern is only worth running over a posting that names a pay unit at all
        if (!(text.contains("hour") || text.contains("Hour") || text.contains("/hr") || text.contains("year") || text.contains("/yr")
                || text.contains("annual") || text.contains("HOUR") || text.contains("YEAR"))) {
            return null;
        }
        java.util.regex.Matcher m = BARE.matcher(text);
        if (!m.find()) return null;
        double lo = Double.parseDouble(m.group(1).replace(",", ""));
        double hi = m.group(2) == null ? lo : Double.parseDouble(m.group(2).replace(",", ""));
        boolean hourly = m.group(3).toLowerCase(Locale.ROOT).matches(".*(h|hr|hour|hourly)$") || m.group(3).toLowerCase(Locale.ROOT).contains("hour");
        Salary.Unit unit = hourly ? Salary.Unit.HOUR : Salary.Unit.YEAR;
        if (hi < lo || (unit == Salary.Unit.HOUR && (lo < 5 || hi > 300)) || (unit == Salary.Unit.YEAR && lo < 10_000)) return null;
        evidence[0] = m.group().trim();
        return new Salary(lo, hi, unit, "USD");
    }

    /** The unit after a figure ("/hr", " per hour"), up to the next punctuation. */
    private static String unitWords(String tail) {
        int cut = tail.length();
        for (int i = 0; i < tail.length(); i++) {
            char c = tail.charAt(i);
            if (c == ',' || c == ';' || c == '(' || (c == '.' && (i + 1 == tail.length() || tail.charAt(i + 1) == ' '))) {
                cut = i;
                break;
            }
        }
        return tail.substring(0, cut);
    }

    /** The text since the last sentence or clause break: "Night shift. Up to" -> " up to". */
    private static String lastClause(String before) {
        int cut = Math.max(Math.max(before.lastIndexOf(". "), before.lastIndexOf(';')), before.lastIndexOf(','));
        return cut < 0 ? before : before.substring(cut + 1);
    }

    private static boolean startsWithAny(String s, String... prefixes) {
        for (String p : prefixes) if (s.startsWith(p)) return true;
        return false;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') i++;
        return i;
    }

    /** Parses "45,000", "18.50", "45k" at {@code i}; returns the end index or -1. */
    private static int number(String s, int i, double[] out) {
        i = skipSpaces(s, i);
        StringBuilder digits = new StringBuilder(12);
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) digits.append(c);
            else if (c != ',' || digits.length() == 0 || digitsAhead(s, i + 1) != 3) break; // a thousands comma
            i++;
        }
        if (digits.length() == 0 || digits.length() > 9) return -1;
        if (i + 1 < s.length() && s.charAt(i) == '.' && Character.isDigit(s.charAt(i + 1))) {
            digits.append('.');
            i++;
            while (i < s.length() && Character.isDigit(s.charAt(i))) digits.append(s.charAt(i++));
        }
        double value = Double.parseDouble(digits.toString());
        if (i < s.length() && (s.charAt(i) == 'k' || s.charAt(i) == 'K') && (i + 1 >= s.length() || !Character.isLetter(s.charAt(i + 1)))) {
            value *= 1000;
            i++;
        }
        out[0] = Math.round(value * 100) / 100.0;
        return i;
    }

    private static int digitsAhead(String s, int i) {
        int n = 0;
        while (i + n < s.length() && Character.isDigit(s.charAt(i + n))) n++;
        return n;
    }
}
