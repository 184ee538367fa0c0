package workbook.testkit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * One graded task of the workbook, as the task registry {@code tasks.json} (at the workbook's
 * root) lists it. The registry is the one list of the tasks: the score line, the grader, the
 * progress view, the CI scripts, the JBang catalog and the Classroom workflow all follow it.
 *
 * @param number       the task's number, as in its {@code @Tag("task:N")}
 * @param module       the task's Maven module and folder
 * @param title        the task's title, as in its README and its POM's name
 * @param studentClass the fully qualified name of the class the student writes
 * @param methods      the methods the student writes, for messages and the JBang catalog
 * @param python       the Python original's function
 * @param points       what the task is worth when every graded test passes
 * @param part         the course's own tasks, or the bonus tasks of Part 2
 */
public record Task(int number, String module, String title, String studentClass, List<String> methods,
                   String python, int points, Part part) {

    /** Whether a task is one of the course's own or a bonus task of Part 2. */
    public enum Part {
        @JsonProperty("course") COURSE,
        @JsonProperty("bonus") BONUS
    }

    private record Registry(List<Task> tasks) {
    }

    private static final List<Task> ALL = load();

    public Task {
        methods = List.copyOf(methods);
    }

    /** Returns every task, in course order. */
    public static List<Task> all() {
        return ALL;
    }

    /**
     * Returns the task numbered {@code number}.
     *
     * @throws IllegalArgumentException if the registry has no such task
     */
    public static Task number(int number) {
        return ALL.stream().filter(t -> t.number == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("tasks.json lists no Task " + number));
    }

    /** Returns the student's file, relative to the workbook's root, e.g. {@code task0-basic/src/main/java/workbook/task0/BasicAsyncSyntax.java}. */
    public String studentFile() {
        return module + "/src/main/java/" + studentClass.replace('.', '/') + ".java";
    }

    /**
     * Returns the points {@code results} earn: the task's points times the share of its graded
     * tests that passed, at most half the points when a core requirement fails, rounded to two
     * decimals as every report shows them.
     */
    public double earned(List<TestResult> results) {
        if (results.isEmpty()) {
            return 0;
        }
        double share = points * results.stream().filter(TestResult::passed).count() / (double) results.size();
        if (coreFailed(results)) {
            share = Math.min(share, points / 2.0);
        }
        return Math.round(share * 100) / 100.0;
    }

    /** Returns whether a graded test of a core requirement did not pass. */
    public static boolean coreFailed(List<TestResult> results) {
        return results.stream().anyMatch(r -> r.core() && !r.passed());
    }

    /** Returns whether the core rule took points away: a core requirement failed and the tests passed earn more than half. */
    public boolean capped(List<TestResult> results) {
        return coreFailed(results) && results.stream().filter(TestResult::passed).count() * 2 > results.size();
    }

    /** Formats points with at most two decimals and no trailing zeros: 5, 3.5, 1.17. */
    public static String formatPoints(double points) {
        return String.format(Locale.ROOT, "%.2f", points).replaceAll("\\.?0+$", "");
    }

    private static List<Task> load() {
        try (var in = Task.class.getResourceAsStream("/workbook/tasks.json")) {
            if (in == null) {
                throw new IllegalStateException("the testkit was built without the task registry workbook/tasks.json");
            }
            return List.copyOf(new ObjectMapper().readValue(in, Registry.class).tasks());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the task registry tasks.json", e);
        }
    }
}
