package org.rxradar.trend;

import org.rxradar.text.Html;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * Small charts as hand-written inline SVG. Two chart kinds do not justify a charting library:
 * inline SVG needs no image endpoint or attachment, scales crisply, carries its own text for
 * screen readers and is a few kilobytes. Every text is escaped; the output is well-formed XML.
 */
public final class SvgCharts {
    /**
     * Okabe–Ito hues, the light ones darkened so every line keeps at least 3:1 against the white
     * chart (WCAG's figure for graphics); the line styles differ too, so no series depends on colour.
     */
    static final List<String> PALETTE = List.of("#0072B2", "#D55E00", "#007A5C", "#A8447F", "#8F5B00", "#000000");
    static final List<String> DASHES = List.of("", "7 4", "2 3", "9 3 2 3", "4 2", "1 4");
    private static final String BACKGROUND = "<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    private SvgCharts() {}

    /** One line per series over the days; series values align with {@code days}; a date label every 7 days. */
    public static String lineChart(String title, List<LocalDate> days, Map<String, List<Integer>> series) {
        List<String> labels = new java.util.ArrayList<>();
        int n = days.size();
        for (int i = 0; i < n; i++) labels.add((n - 1 - i) % 7 == 0 ? DAY.format(days.get(i)) : "");
        return lineChart(title, labels, series, false);
    }

    /**
     * One line per series (at most {@link #PALETTE} many, each its own colour and dash) over the
     * points labelled {@code xLabels} (an empty label draws no tick text).
     *
     * @param markers a dot on every point: for a few points (weeks), where a bare line hides them
     */
    public static String lineChart(String title, List<String> xLabels, Map<String, List<Integer>> series, boolean markers) {
        int width = 760, height = 320, left = 48, right = 170, top = 34, bottom = 40;
        int plotW = width - left - right, plotH = height - top - bottom;
        int max = series.values().stream().flatMap(List::stream).mapToInt(Integer::intValue).max().orElse(0);
        int yMax = niceCeiling(max);
        StringBuilder svg = open(width, height, title);
        svg.append(text(left, 20, "start", "title", title));
        for (int i = 0; i <= 4; i++) {
            double y = top + plotH - plotH * i / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>", left, y, left + plotW, y));
            svg.append(text(left - 6, y + 4, "end", "tick", Integer.toString(yMax * i / 4)));
        }
        int n = xLabels.size();
        for (int i = 0; i < n; i++) {
            if (xLabels.get(i).isEmpty()) continue;
            svg.append(text(x(i, n, left, plotW), top + plotH + 18, "middle", "tick", xLabels.get(i)));
        }
        int colour = 0, legendY = top + 6;
        for (Map.Entry<String, List<Integer>> s : series.entrySet()) {
            String dash = DASHES.get(colour % DASHES.size());
            String stroke = PALETTE.get(colour++ % PALETTE.size());
            String dashAttr = dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"";
            StringBuilder points = new StringBuilder();
            List<Integer> values = s.getValue();
            for (int i = 0; i < Math.min(n, values.size()); i++) {
                double y = top + plotH - (yMax == 0 ? 0 : plotH * values.get(i) / (double) yMax);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, n, left, plotW), y));
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"2.5\" stroke=\"").append(stroke).append('"').append(dashAttr).append(" points=\"")
                    .append(points.toString().trim()).append("\"><title>").append(Html.escape(s.getKey())).append("</title></polyline>");
            if (markers) {
                for (String point : points.toString().trim().split(" ")) {
                    if (point.isEmpty()) continue;
                    String[] xy = point.split(",");
                    svg.append("<circle cx=\"").append(xy[0]).append("\" cy=\"").append(xy[1]).append("\" r=\"3.5\" fill=\"").append(stroke).append("\"/>");
                }
            }
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2.5\"%s/>",
                    left + plotW + 12, legendY - 4, left + plotW + 36, legendY - 4, stroke, dashAttr));
            svg.append(text(left + plotW + 42, legendY, "start", "legend", s.getKey()));
            legendY += 18;
        }
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars, one per label, with each value written at the bar's end by {@code format}. */
    public static String barChart(String title, Map<String, Double> values, DoubleFunction<String> format) {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        values.forEach((k, v) -> texts.put(k, format.apply(v)));
        return barChart(title, values, texts);
    }

    /** Horizontal bars, one per label, with {@code valueText} of each label written at the bar's end. */
    public static String barChart(String title, Map<String, Double> values, Map<String, String> valueText) {
        int width = 760, left = 150, right = 150, top = 34, row = 24;
        int height = top + row * Math.max(values.size(), 1) + 10;
        int plotW = width - left - right;
        double max = values.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        StringBuilder svg = open(width, height, title);
        svg.append(text(left, 20, "start", "title", title));
        int i = 0;
        for (Map.Entry<String, Double> e : values.entrySet()) {
            double w = max <= 0 ? 0 : plotW * e.getValue() / max;
            int y = top + row * i;
            svg.append(text(left - 8, y + 15, "end", "legend", e.getKey()));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>",
                    left, y + 3, w, row - 6, PALETTE.get(0), Html.escape(e.getKey() + ": " + valueText.get(e.getKey()))));
            svg.append(text(left + w + 6, y + 15, "start", "tick", valueText.get(e.getKey())));
            i++;
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(int width, int height, String title) {
        return new StringBuilder(4096).append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" "
                        + "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\" fill=\"#1f2933\"><title>%s</title>%s",
                width, height, width, height, Html.escape(title), BACKGROUND));
    }

    private static String text(double x, double y, String anchor, String kind, String content) {
        String weight = kind.equals("title") ? " font-weight=\"bold\" font-size=\"14\"" : kind.equals("tick") ? " fill=\"#52606d\"" : "";
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s>%s</text>", x, y, anchor, weight, Html.escape(content));
    }

    private static double x(int i, int n, int left, int plotW) {
        return n <= 1 ? left + plotW / 2.0 : left + plotW * i / (double) (n - 1);
    }

    /** Four grid steps of a round size (1, 2, 2.5, 3, 4, 5, 6 or 8 × 10^k) that together reach the value. */
    static int niceCeiling(int max) {
        double raw = Math.max(max, 1) / 4.0;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double step : new double[] {1, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            double size = Math.max(1, step * magnitude);
            if (size >= raw && size == Math.rint(size)) return (int) Math.round(size * 4);
        }
        return (int) Math.round(40 * magnitude);
    }
}
