package workbook.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import workbook.testkit.Task;
import workbook.testkit.WhereToLook;

/**
 * Renders a student's progress: the five tasks with done or not done and their tests passed, the
 * current task (the first not done), what to fix first, where to look and the command to run next;
 * on request, the current task's hints.
 *
 * <p>"Where to look" is {@link WhereToLook#pointer(Task)}, the line every failing graded test
 * ends with, so the test, the skeleton and this view point to the same file and README sections.
 */
final class ProgressView {

    /**
     * How the student runs the commands the view names, so that it names the very command to type.
     * A command's spaces are no-break spaces, so that {@link #wrap} never breaks a line inside it.
     *
     * @param again   what to do to check again, e.g. "run ./mvnw -q -Dprogress"
     * @param hint    how to get hints, with {@code %s} for {@code =N} or nothing
     * @param watch   whether the view is watch mode's, where a key gives the next hint
     */
    record Commands(String again, String hint, boolean watch) {

        static final Commands MAVEN = new Commands("run " + command("./mvnw -q -Dprogress"), command("./mvnw -q -Dhint%s"), false);
        static final Commands JBANG = new Commands("run " + command("jbang progress"), command("jbang progress --hint%s"), false);
        static final Commands WATCH = new Commands("save the file: watch mode checks it again", "press h", true);

        String hint(int number) {
            return hint.formatted(number == 0 ? "" : "=" + number);
        }

        /** Returns {@code command} with no-break spaces. */
        static String command(String command) {
            return command.replace(' ', NO_BREAK);
        }
    }

    private static final char NO_BREAK = '\u00a0';
    private static final int WIDTH = 100;

    private ProgressView() {
    }

    /**
     * Returns the progress view.
     *
     * @param report   the report of {@link Grader#progress}
     * @param readmes  each task's README, by task number
     * @param commands how the student runs the progress command
     * @param hint     -1 for no hints, 0 for all of the current task's hints, N for its Nth hint
     */
    static String text(Report report, Map<Integer, TaskReadme> readmes, Commands commands, int hint) {
        var out = new ArrayList<String>();
        var current = report.firstUnfinished();
        out.add("Your progress in the Async Workbook");
        out.add("");
        int width = report.tasks().stream().mapToInt(t -> t.task().title().length()).max().orElse(0);
        for (var task : report.tasks()) {
            int number = task.task().number();
            var row = ("  %s Task %d  %-" + width + "s  %s").formatted(task.done() ? "[x]" : "[ ]", number,
                    task.task().title(), state(task, current.map(t -> t.task().number()).orElse(-1)));
            out.add(current.filter(t -> t == task).isPresent() ? row + "   <- current task" : row);
        }
        out.add("");
        if (current.isEmpty()) {
            out.add("All %d tasks are done: every graded test passes.".formatted(report.tasks().size()));
            out.addAll(wrap("Next step: ", "see what your code prints, every task's Main in turn: "
                    + Commands.command("./mvnw -q -Dmains=."), "  "));
            return lines(out);
        }
        var task = current.get();
        int number = task.task().number();
        var readme = readmes.get(number);
        out.add("Current task: Task %d, %s".formatted(number, readme.title()));
        String next;
        switch (task.status()) {
            case GRADED -> {
                var failure = task.firstFailure().orElseThrow();
                out.add("First failing requirement (%d of %d tests pass): %s".formatted(task.passed(), task.total(),
                        failure.displayName()));
                out.addAll(wrap("  ", failure.firstLine(), "  "));
                next = "make that requirement pass, then " + commands.again();
            }
            case DOES_NOT_COMPILE -> {
                var error = task.compileError();
                out.add("It does not compile: " + (error == null ? task.problem() : error));
                next = "fix the first error (" + (error == null ? "see above" : error.file() + ":" + error.line())
                        + "), then " + commands.again();
            }
            case LEFT_THREADS -> {
                out.addAll(wrap("", task.problem().replaceFirst("^Task \\d+ scores 0: ", "It scores 0: "), "  "));
                next = task.firstFailure().map(f -> "first make \"" + f.displayName() + "\" pass, then ").orElse("")
                        + "let every thread you start end, then " + commands.again();
            }
            case FORBIDDEN_API -> {
                out.addAll(wrap("", task.problem().replaceFirst("^Task \\d+ scores 0: ", "Its tests did not run: "), "  "));
                next = "do the task with the APIs of its README, then " + commands.again();
            }
            case MISSING -> {
                out.add("Its file is missing: " + task.task().studentFile());
                next = "get the file back (" + Commands.command("./mvnw -q -Dreset=" + number)
                        + " puts the untouched one there), then " + commands.again();
            }
            default -> {
                out.add("Its tests gave no result: " + task.problem());
                next = "run " + Commands.command("./mvnw test -pl " + task.task().module() + " -am -Dgroups=task:" + number)
                        + " to see why";
            }
        }
        out.addAll(wrap("", WhereToLook.pointer(task.task()), "  "));
        out.addAll(wrap("Next step: ", next, "  "));
        out.addAll(hints(number, readme.hints(), commands, hint));
        return lines(out);
    }

    /** Joins the view's lines, with the commands' no-break spaces back to spaces. */
    static String lines(List<String> out) {
        return (String.join(System.lineSeparator(), out) + System.lineSeparator()).replace(NO_BREAK, ' ');
    }

    private static String state(TaskReport task, int current) {
        return switch (task.status()) {
            case GRADED -> "%d/%d tests pass".formatted(task.passed(), task.total());
            case DOES_NOT_COMPILE -> "does not compile";
            case FORBIDDEN_API -> "uses an API a task may not use";
            case LEFT_THREADS -> "%d/%d tests pass, leaves threads running".formatted(task.passed(), task.total());
            case MISSING -> "file missing";
            case UNTOUCHED -> "not started";
            case NOT_GRADED -> "not checked yet: builds on Task " + current;
            case NO_RESULTS -> "no test result";
        };
    }

    static List<String> hints(int task, List<String> hints, Commands commands, int hint) {
        var out = new ArrayList<String>();
        if (hints.isEmpty()) {
            return out;
        }
        if (hint < 0) {
            out.addAll(wrap("Stuck? ", (commands.watch() ? "press h for Task %2$d's hints, one at a time (it has %3$d)."
                    : "%1$s prints Task %2$d's %3$d hints (%4$s for the first only).")
                    .formatted(commands.hint(0), task, hints.size(), commands.hint(1)), "  "));
            return out;
        }
        out.add("");
        if (hint > hints.size()) {
            out.add("Task %d has %d hints, not %d: %s prints them all.".formatted(task, hints.size(), hint, commands.hint(0)));
            return out;
        }
        out.add(hint == 0
                ? "Hints for Task %d (its README, section \"Hints\"):".formatted(task)
                : "Hint %d of %d for Task %d:".formatted(hint, hints.size(), task));
        for (int i = hint == 0 ? 1 : hint; i <= (hint == 0 ? hints.size() : hint); i++) {
            out.addAll(wrap(i + ". ", hints.get(i - 1), "   "));
        }
        if (hint > 0 && hint < hints.size()) {
            out.add("Next hint: " + (commands.watch() ? "press h" : commands.hint(hint + 1)));
        }
        return out;
    }

    /**
     * Wraps {@code text} at spaces into lines of at most {@value #WIDTH} characters (a longer word
     * stays whole): the first line starts with {@code first}, the others with {@code indent}.
     */
    static List<String> wrap(String first, String text, String indent) {
        return breakLines(first, text, indent).stream().map(line -> line.replace(NO_BREAK, ' ')).toList();
    }

    private static List<String> breakLines(String first, String text, String indent) {
        var lines = new ArrayList<String>();
        var line = new StringBuilder(first);
        int start = first.length();
        // \\s does not match a no-break space: a command stays whole.
        for (var word : text.strip().split("\\s+")) {
            if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(indent);
                start = indent.length();
            }
            if (line.length() > start) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
