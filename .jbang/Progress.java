///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES Workbook.java

import java.util.ArrayList;
import java.util.List;

/**
 * The progress command through JBang: {@code jbang progress}, {@code jbang progress --hint},
 * {@code jbang progress --hint=N} (an alias of the workbook's {@code jbang-catalog.json}); it runs
 * {@code ./mvnw -q -Dprogress=jbang}, so that the view names JBang's commands.
 */
public final class Progress {

    private Progress() {
    }

    public static void main(String[] args) throws Exception {
        var properties = new ArrayList<>(List.of("-Dprogress=jbang"));
        for (var arg : args) {
            if (arg.equals("--hint")) {
                properties.add("-Dhint");
            } else if (arg.startsWith("--hint=")) {
                properties.add("-Dhint=" + arg.substring("--hint=".length()));
            } else {
                throw new IllegalArgumentException("unknown option " + arg + ": use --hint or --hint=N");
            }
        }
        System.exit(Workbook.mvnw(properties));
    }
}
