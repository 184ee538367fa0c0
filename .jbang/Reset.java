///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES Workbook.java

import java.util.List;

/** Puts a task's file back to its skeleton through JBang, {@code jbang reset N}: runs {@code ./mvnw -q -Dreset=N}. */
public final class Reset {

    private Reset() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("Name the task to reset by its number, e.g. jbang reset 0");
            System.exit(2);
        }
        System.exit(Workbook.mvnw(List.of("-Dreset=" + args[0])));
    }
}
