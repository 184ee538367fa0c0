package workbook.grading;

import java.util.Locale;

/** Number formatting shared by the score line and the grade reports. */
final class Score {

    private Score() {
    }

    /** Formats points with at most two decimals and no trailing zeros: 5, 3.5, 1.17. */
    static String format(double points) {
        return String.format(Locale.ROOT, "%.2f", points).replaceAll("\\.?0+$", "");
    }
}
