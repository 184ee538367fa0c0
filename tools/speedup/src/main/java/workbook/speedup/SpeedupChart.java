package workbook.speedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import workbook.speedup.SpeedupReport.Row;
import workbook.speedup.SpeedupReport.Run;

/**
 * Draws the chart of {@link SpeedupReport}: wall time against {@code n}, both on log scales, as a
 * plain SVG document.
 */
final class SpeedupChart {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 470;
    private static final int LEFT = 90;
    private static final int RIGHT = WIDTH - 30;
    private static final int TOP = 60;
    private static final int BOTTOM = HEIGHT - 60;

    /** One line of the chart: its points (n, seconds), colour and dash pattern ("" for solid). */
    private record Series(String label, List<double[]> points, String colour, String dash) {
    }

    private SpeedupChart() {
    }

    /** Returns the chart of {@code rows} (ascending n) as an SVG document. */
    static String svg(List<Row> rows) {
        var series = new ArrayList<Series>();
        series.add(new Series("sequential: n × mean delay (computed)", points(rows, SpeedupReport::sequential), "#888888", "6 4"));
        series.add(new Series("Java waitN(n, 1)", points(rows, row -> SpeedupReport.median(row.java(), Run::wall)), "#1f6fb4", ""));
        var python = rows.stream().filter(row -> !row.python().isEmpty()).toList();
        if (!python.isEmpty()) {
            series.add(new Series("asyncio wait_n(n, 1)", points(python, row -> SpeedupReport.median(row.python(), Run::wall)),
                    "#e07b00", ""));
        }
        double lowestN = rows.getFirst().n();
        double highestN = rows.getLast().n();
        var seconds = series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p[1]).filter(s -> s > 0)
                .summaryStatistics();
        var x = new LogAxis(Math.floor(Math.log10(lowestN)), Math.max(Math.ceil(Math.log10(highestN)), Math.floor(Math.log10(lowestN)) + 1),
                LEFT, RIGHT);
        var y = new LogAxis(Math.floor(Math.log10(Math.min(seconds.getMin(), 0.5))), Math.ceil(Math.log10(seconds.getMax())),
                BOTTOM, TOP);

        var svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, """
                <svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="13">
                <rect width="100%%" height="100%%" fill="white"/>
                <text x="%d" y="28" font-size="16" font-weight="bold">Concurrent waits cost the longest wait, not the sum</text>
                <text x="%d" y="46" fill="#555555">wall time of n waits of up to 1 s, started at once (log–log)</text>
                """, WIDTH, HEIGHT, WIDTH, HEIGHT, LEFT, LEFT));
        for (int decade = (int) x.low(); decade <= x.high(); decade++) {
            double at = x.at(Math.pow(10, decade));
            svg.append(line(at, TOP, at, BOTTOM, "#e4e4e4", 1, ""));
            svg.append(text(at, BOTTOM + 20, "middle", count(Math.pow(10, decade))));
        }
        for (int decade = (int) y.low(); decade <= y.high(); decade++) {
            double at = y.at(Math.pow(10, decade));
            svg.append(line(LEFT, at, RIGHT, at, "#e4e4e4", 1, ""));
            svg.append(text(LEFT - 8, at + 4, "end", seconds(Math.pow(10, decade))));
        }
        svg.append(line(LEFT, TOP, LEFT, BOTTOM, "#333333", 1, "")).append(line(LEFT, BOTTOM, RIGHT, BOTTOM, "#333333", 1, ""));
        svg.append(text((LEFT + RIGHT) / 2.0, BOTTOM + 44, "middle", "n, waits started at once"));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(22 %d) rotate(-90)\" text-anchor=\"middle\">wall time</text>%n",
                (TOP + BOTTOM) / 2));

        for (var s : series) {
            var path = new StringBuilder();
            for (var point : s.points()) {
                path.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.at(point[0]), y.at(point[1])));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\"%s/>%n",
                    path.toString().strip(), s.colour(), dash(s.dash())));
            for (var point : s.points()) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>n = %s: %s s</title></circle>%n",
                        x.at(point[0]), y.at(point[1]), s.colour(), count(point[0]), String.format(Locale.ROOT, "%.3f", point[1])));
            }
        }
        for (int i = 0; i < series.size(); i++) {
            var s = series.get(i);
            double at = TOP + 18 + 20 * i;
            svg.append(line(LEFT + 14, at - 4, LEFT + 44, at - 4, s.colour(), 2.5, s.dash()));
            svg.append(text(LEFT + 52, at, "start", s.label()));
        }
        return svg.append("</svg>\n").toString();
    }

    private static List<double[]> points(List<Row> rows, Function<Row, Double> seconds) {
        return rows.stream().map(row -> new double[] {row.n(), seconds.apply(row)}).filter(p -> p[1] > 0).toList();
    }

    /** A logarithmic axis from 10^low to 10^high, drawn from pixel {@code from} to pixel {@code to}. */
    private record LogAxis(double low, double high, double from, double to) {

        double at(double value) {
            return from + (Math.log10(value) - low) / (high - low) * (to - from);
        }
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, double width, String dash) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\"%s/>%n",
                x1, y1, x2, y2, colour, width, dash(dash));
    }

    private static String dash(String dash) {
        return dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"";
    }

    private static String text(double x, double y, String anchor, String text) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n", x, y, anchor, text);
    }

    /** 1, 10, 100, 1k, ..., 1M. */
    static String count(double n) {
        return n >= 1e6 ? trim(n / 1e6) + "M" : n >= 1e3 ? trim(n / 1e3) + "k" : trim(n);
    }

    /** 0.01 s, 1 s, 1 000 s, 1e+06 s... */
    static String seconds(double s) {
        return (s < 1 ? trim(s) : s < 1e7 ? String.format(Locale.ROOT, "%,.0f", s).replace(',', ' ') : String.format(Locale.ROOT, "%.0e", s))
                + " s";
    }

    private static String trim(double value) {
        return String.format(Locale.ROOT, "%.6f", value).replaceAll("\\.?0+$", "");
    }
}
