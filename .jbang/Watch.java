///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES Workbook.java

import java.util.List;

/** Watch mode through JBang, {@code jbang watch}: runs {@code ./mvnw -q -Dwatch}. */
public final class Watch {

    private Watch() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(Workbook.mvnw(List.of("-Dwatch")));
    }
}
