package workbook.grading;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import workbook.testkit.Task;

/**
 * The students' progress command: checks the workbook it runs in and shows where the student is
 * and what to do next (see {@link ProgressView}).
 *
 * <p>Run through Maven from the workbook's root, {@code ./mvnw -q -Dprogress}, or through JBang,
 * {@code jbang progress}. The student's current code is the submission: the grader checks the
 * tasks in order and stops at the first that is not done, and keeps what it found in
 * {@link ProgressState#FILE}. {@code ./mvnw -q -Dhint} ({@code -Dhint=N}: the Nth hint) prints the
 * current task's hints from there, without a new check; with nothing kept, it checks first.
 *
 * <p>Exits with 0 when the check ran, whatever it found, and with 2 when it could not run, after
 * one sentence saying why.
 */
public final class Progress {

    private Progress() {
    }

    /**
     * Checks the workbook and prints the progress view.
     *
     * @param args the workbook's root; the value of {@code -Dhint} (empty or {@code false}: no hint,
     *             {@code true}: every hint, {@code N}: the Nth); {@code maven} or {@code jbang},
     *             how the student started it
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 3) {
            err.println("Progress could not run: expected 3 arguments, got " + List.of(args));
            return 2;
        }
        var commands = args[2].equals("jbang") ? ProgressView.Commands.JBANG : ProgressView.Commands.MAVEN;
        int hint;
        try {
            hint = hint(args[1]);
        } catch (NumberFormatException e) {
            err.println("Progress could not run: a hint is asked for by its number, e.g. " + commands.hint(1)
                    + ", not " + args[1]);
            return 2;
        }
        var workbook = Path.of(args[0]).toAbsolutePath().normalize();
        try {
            var readmes = readmes(workbook);
            var known = ProgressState.read(workbook);
            if (hint >= 0 && known.isPresent()) {
                // Hints need only the current task: the last check knows it, no new check is needed.
                int current = known.get().current();
                var lines = new ArrayList<String>();
                lines.addAll(ProgressView.wrap("", "Task %d, %s: the current task at your last check (%s; %s checks again)."
                        .formatted(current, readmes.get(current).title(), known.get().checkedAt(),
                                commands.again().replaceFirst("^run ", "")), "  "));
                lines.addAll(ProgressView.hints(current, readmes.get(current).hints(), commands, hint));
                out.print(ProgressView.lines(lines));
                return 0;
            }
            out.println("Checking your tasks ...");
            var report = new Grader(workbook, Grade.suiteClasspath(), Grade.SUITE_LIMIT)
                    .grade(workbook, new Grader.Scope.UntilUnfinished());
            ProgressState.of(report).write(workbook);
            out.println();
            out.print(ProgressView.text(report, readmes, commands, hint));
            return 0;
        } catch (GradingException e) {
            err.println("Progress could not run: " + e.getMessage() + ".");
            return 2;
        } catch (IOException e) {
            err.println("Progress could not run: could not read a task's README: " + e.getMessage() + ".");
            return 2;
        }
    }

    /** Returns each task's README, by task number; a task without one gets an empty README. */
    static Map<Integer, TaskReadme> readmes(Path workbook) throws IOException {
        var readmes = new HashMap<Integer, TaskReadme>();
        for (var task : Task.all()) {
            var file = workbook.resolve(task.module()).resolve("README.md");
            readmes.put(task.number(), TaskReadme.parse(Files.isRegularFile(file)
                    ? Files.readString(file, StandardCharsets.UTF_8) : ""));
        }
        return readmes;
    }

    /** Returns -1 for no hint, 0 for every hint, N for the Nth hint. */
    static int hint(String value) {
        return switch (value.strip()) {
            case "", "false" -> -1;
            case "true" -> 0;
            default -> Math.max(1, Integer.parseInt(value.strip()));
        };
    }
}
