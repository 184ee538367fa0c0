package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import workbook.grading.TaskReport.Status;
import workbook.testkit.Task;
import workbook.testkit.TestResult;

@DisplayName("The progress view reads the task READMEs and shows the current task, where to look and what to run next")
class ProgressViewTest {

    private static final String README = """
            # Task 2 — Measure the runtime: `measureTime`

            ## What to do

            1. Not a hint.

            ## Hints

            1. Three lines do the work: read the clock,
               `join()` the future.
            2. Divide by `1e9`.

            A paragraph after the list is not a hint.

            ## Run and test

            1. Not a hint either.
            """;

    private static final Map<Integer, TaskReadme> READMES = IntStream.range(0, 5).boxed()
            .collect(Collectors.toMap(n -> n, n -> new TaskReadme("Title " + n, List.of("first hint of " + n, "second hint of " + n))));

    private static TestResult passed(int task) {
        return new TestResult(task, "passes", TestResult.Status.PASSED, "", false);
    }

    private static Report report(TaskReport... tasks) {
        return new Report(Path.of("/wb"), Instant.EPOCH, List.of(tasks));
    }

    private static Report tasksZeroAndOneDone() {
        return report(TaskReport.graded(Task.number(0), List.of(passed(0)), 1.0),
                TaskReport.graded(Task.number(1), List.of(passed(1), passed(1)), 1.0),
                TaskReport.graded(Task.number(2), List.of(passed(2),
                        new TestResult(2, "measureTime divides by n", TestResult.Status.FAILED, "returned 5.0 s, expected about 1.0 s", false)), 1.0),
                TaskReport.notGraded(Task.number(3), Status.NOT_GRADED, "not graded: the build stopped at Task 2"),
                TaskReport.notGraded(Task.number(4), Status.NOT_GRADED, "not graded: the build stopped at Task 2"));
    }

    @Test
    @DisplayName("a README's title and the numbered list of its section Hints are parsed, continued lines joined")
    void parsesReadme() {
        var readme = TaskReadme.parse(README);
        assertThat(readme.title()).isEqualTo("Measure the runtime: measureTime");
        assertThat(readme.hints()).containsExactly("Three lines do the work: read the clock, `join()` the future.",
                "Divide by `1e9`.");
        assertThat(TaskReadme.parse("no title, no hints")).isEqualTo(new TaskReadme("", List.of()));
    }

    @Test
    @DisplayName("the current task is the first not done, with its first failure, where to look and the next command")
    void currentTask() {
        var text = ProgressView.text(tasksZeroAndOneDone(), READMES, ProgressView.Commands.MAVEN, -1);
        assertThat(text).containsPattern("\\[x] Task 0  The basics of async +1/1 tests pass")
                .containsPattern("\\[ ] Task 2  Measure the runtime +1/2 tests pass   <- current task")
                .containsPattern("\\[ ] Task 3  Tasks +not checked yet: builds on Task 2")
                .contains("First failing requirement (1 of 2 tests pass): measureTime divides by n")
                .contains("  returned 5.0 s, expected about 1.0 s")
                .contains("Where to look: edit task2-runtime/src/main/java/workbook/task2/MeasureRuntime.java;")
                .contains("Next step: make that requirement pass, then run ./mvnw -q -Dprogress")
                .contains("Stuck? ./mvnw -q -Dhint prints Task 2's 2 hints");
    }

    @Test
    @DisplayName("a line is never broken inside a command, so that it copies and pastes whole")
    void commandsStayWhole() {
        var command = ProgressView.Commands.command("./mvnw test -pl task4-task-wait-n -am -Dgroups=task:4");
        for (int width = 60; width < 110; width++) {
            var lines = ProgressView.wrap("x".repeat(width - 60) + " Next step: ", "run " + command + " to see why", "  ");
            assertThat(lines).as("wrapped after %d characters", width - 60)
                    .anySatisfy(line -> assertThat(line).contains("./mvnw test -pl task4-task-wait-n -am -Dgroups=task:4"));
        }
    }

    @Test
    @DisplayName("in watch mode the view says to save the file and to press h, not which command to run")
    void watchMode() {
        var text = ProgressView.text(tasksZeroAndOneDone(), READMES, ProgressView.Commands.WATCH, -1);
        assertThat(text).contains("Next step: make that requirement pass, then save the file: watch mode checks it again")
                .contains("Stuck? press h for Task 2's hints, one at a time (it has 2).")
                .doesNotContain("./mvnw");
    }

    @Test
    @DisplayName("-Dhint prints every hint of the current task, -Dhint=N the Nth and the command for the next")
    void hints() {
        var all = ProgressView.text(tasksZeroAndOneDone(), READMES, ProgressView.Commands.JBANG, 0);
        assertThat(all).contains("1. first hint of 2", "2. second hint of 2").doesNotContain("Stuck?");
        var first = ProgressView.text(tasksZeroAndOneDone(), READMES, ProgressView.Commands.JBANG, 1);
        assertThat(first).contains("Hint 1 of 2 for Task 2:", "1. first hint of 2", "Next hint: jbang progress --hint=2")
                .doesNotContain("second hint");
        assertThat(ProgressView.text(tasksZeroAndOneDone(), READMES, ProgressView.Commands.JBANG, 3))
                .contains("Task 2 has 2 hints, not 3: jbang progress --hint prints them all.");
        assertThat(Progress.hint("")).isEqualTo(-1);
        assertThat(Progress.hint("true")).isZero();
        assertThat(Progress.hint("2")).isEqualTo(2);
    }

    @Test
    @DisplayName("a compile error in the current task shows the compiler's first error with file and line")
    void compileError() {
        var error = new CompileError("task0-basic/src/main/java/workbook/task0/BasicAsyncSyntax.java", 12, 5, "';' expected");
        var text = ProgressView.text(report(TaskReport.doesNotCompile(Task.number(0), error),
                TaskReport.notGraded(Task.number(1), Status.NOT_GRADED, "x"), TaskReport.notGraded(Task.number(2), Status.NOT_GRADED, "x"),
                TaskReport.notGraded(Task.number(3), Status.NOT_GRADED, "x"), TaskReport.notGraded(Task.number(4), Status.NOT_GRADED, "x")),
                READMES, ProgressView.Commands.MAVEN, -1);
        assertThat(text).contains("It does not compile: " + error)
                .contains("Next step: fix the first error (task0-basic/src/main/java/workbook/task0/BasicAsyncSyntax.java:12)");
    }

    @Test
    @DisplayName("when every task is done the view says so and names the command that runs every Main")
    void allDone() {
        var text = ProgressView.text(report(IntStream.range(0, 5)
                .mapToObj(n -> TaskReport.graded(Task.number(n), List.of(passed(n)), 1.0)).toArray(TaskReport[]::new)),
                READMES, ProgressView.Commands.MAVEN, 0);
        assertThat(text).contains("All 5 tasks are done").contains("./mvnw -q -Dmains=.").doesNotContain("Hint");
    }

    @Test
    @DisplayName("long lines wrap at spaces within 100 characters, later lines indented")
    void wraps() {
        var lines = ProgressView.wrap("1. ", "word ".repeat(40), "   ");
        assertThat(lines).hasSizeGreaterThan(1).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
        assertThat(lines.get(1)).startsWith("   word");
    }
}
