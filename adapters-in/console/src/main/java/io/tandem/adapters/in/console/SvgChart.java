package io.tandem.adapters.in.console;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Draws the console's charts as inline SVG on the server: lines over a shared x axis, and horizontal bars. No
 * script or library is involved, so a chart is in the page the moment it loads and a test can read its points.
 */
final class SvgChart {

    /** One line: a label and a y value for each x (NaN where there is none). */
    record Series(String label, double[] values) {
    }

    private static final String[] COLOURS = {"#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2",
            "#db2777", "#4b5563", "#65a30d", "#92400e"};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int LEFT = 56;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 28;

    private SvgChart() {
    }

    /**
     * A line chart; {@code xLabel} formats an x value for the axis. With no finite point at all it is a short
     * note instead of an empty frame.
     */
    static String lines(String id, String title, double[] xs, List<Series> series, DoubleFunction<String> xLabel,
                        String unit) {
        double max = 0;
        int points = 0;
        for (Series s : series) {
            for (double v : s.values()) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
                    points++;
                }
            }
        }
        StringBuilder svg = new StringBuilder("<figure class=\"chart\" id=\"").append(Html.text(id))
                .append("\"><figcaption>").append(Html.text(title)).append("</figcaption>");
        if (points == 0 || xs.length == 0) {
            return svg.append("<p class=\"empty\">No data yet.</p></figure>").toString();
        }
        double top = niceCeiling(max);
        double x0 = xs[0];
        double span = Math.max(xs[xs.length - 1] - x0, 1e-9);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        svg.append("<svg viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(Html.text(title)).append("\">");
        for (int tick = 0; tick <= 4; tick++) {
            double value = top * tick / 4;
            double y = TOP + plotH - plotH * tick / 4.0;
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>")
                    .append("<text class=\"axis\" x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\">").append(Html.text(Html.number(round(value)) + unit))
                    .append("</text>");
        }
        svg.append("<text class=\"axis\" x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 8).append("\">")
                .append(Html.text(xLabel.apply(xs[0]))).append("</text>")
                .append("<text class=\"axis\" x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(HEIGHT - 8)
                .append("\" text-anchor=\"end\">").append(Html.text(xLabel.apply(xs[xs.length - 1])))
                .append("</text>");
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String colour = COLOURS[i % COLOURS.length];
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            for (int j = 0; j < xs.length && j < s.values().length; j++) {
                double v = s.values()[j];
                if (!Double.isFinite(v)) {
                    pen = false;
                    continue;
                }
                double x = LEFT + plotW * (xs.length == 1 ? 1 : (xs[j] - x0) / span);
                double y = TOP + plotH - plotH * (top == 0 ? 0 : v / top);
                path.append(pen ? " L" : " M").append(fmt(x)).append(' ').append(fmt(y));
                pen = true;
                svg.append("<circle class=\"point\" r=\"2\" cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y))
                        .append("\" fill=\"").append(colour).append("\"><title>").append(Html.text(s.label()))
                        .append(": ").append(Html.text(Html.number(round(v)) + unit)).append("</title></circle>");
            }
            if (!path.isEmpty()) {
                svg.append("<path class=\"line\" fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour)
                        .append("\" d=\"").append(path.toString().trim()).append("\"/>");
            }
        }
        svg.append("</svg><ul class=\"legend\">");
        for (int i = 0; i < series.size(); i++) {
            svg.append("<li><span class=\"swatch\" style=\"background:").append(COLOURS[i % COLOURS.length])
                    .append("\"></span>").append(Html.text(series.get(i).label())).append("</li>");
        }
        return svg.append("</ul></figure>").toString();
    }

    /** Horizontal bars of shares in [0, 1], one per label; a note when there are none. */
    static String shares(String id, String title, List<String> labels, double[] shares) {
        StringBuilder svg = new StringBuilder("<figure class=\"chart\" id=\"").append(Html.text(id))
                .append("\"><figcaption>").append(Html.text(title)).append("</figcaption>");
        if (labels.isEmpty()) {
            return svg.append("<p class=\"empty\">None so far.</p></figure>").toString();
        }
        int row = 24;
        int height = row * labels.size() + 8;
        int barLeft = 220;
        int barW = WIDTH - barLeft - 70;
        svg.append("<svg viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" role=\"img\" aria-label=\"")
                .append(Html.text(title)).append("\">");
        for (int i = 0; i < labels.size(); i++) {
            double share = Math.max(0, Math.min(1, shares[i]));
            int y = 4 + i * row;
            svg.append("<text class=\"axis\" x=\"").append(barLeft - 8).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\">").append(Html.text(labels.get(i))).append("</text>")
                    .append("<rect class=\"bar\" x=\"").append(barLeft).append("\" y=\"").append(y + 2)
                    .append("\" height=\"16\" width=\"").append(fmt(Math.max(1, barW * share))).append("\" fill=\"")
                    .append(COLOURS[i % COLOURS.length]).append("\"/>")
                    .append("<text class=\"axis\" x=\"").append(fmt(barLeft + Math.max(1, barW * share) + 6))
                    .append("\" y=\"").append(y + 15).append("\">")
                    .append(String.format(Locale.ROOT, "%.1f%%", share * 100)).append("</text>");
        }
        return svg.append("</svg></figure>").toString();
    }

    private static double niceCeiling(double max) {
        if (max <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static double round(double value) {
        return Math.abs(value) >= 100 ? Math.rint(value) : Math.rint(value * 1000) / 1000;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
