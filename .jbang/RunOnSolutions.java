///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES Workbook.java ../tools/grader/src/main/java/workbook/grading/RunMains.java

import java.nio.file.Path;
import workbook.grading.RunMains;

/**
 * Runs Task N's own {@code Main} on the reference solutions: {@code jbang taskN-solution} (an
 * alias of the workbook's {@code jbang-catalog.json}), the same as
 * {@code ./mvnw -q -Dmains=solutions -Dmains.task=N}.
 */
public final class RunOnSolutions {

    private RunOnSolutions() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !args[0].matches("\\d+")) {
            throw new IllegalArgumentException("expected a task number, got " + String.join(" ", args));
        }
        Path root = Workbook.root();
        System.exit(RunMains.run(root, root.resolve("solutions"), Integer.parseInt(args[0])));
    }
}
