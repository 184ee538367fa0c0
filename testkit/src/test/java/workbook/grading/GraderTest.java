package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import workbook.grading.TaskReport.Status;

@DisplayName("Grader turns what a build left into a report")
class GraderTest {

    private static final Path SUBMISSION = Path.of("/submissions/alice");
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private static List<TestResult> passing(int task, int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> new TestResult(task, "requirement " + i, TestResult.Status.PASSED, "")).toList();
    }

    private static Report assemble(Predicate<Points> handedIn, int exitCode, List<String> output,
                                   Map<Integer, List<TestResult>> results) throws GradingException {
        return Grader.assemble(SUBMISSION, NOW, handedIn, new Grader.Build(exitCode, output),
                task -> Optional.ofNullable(results.get(task.number())));
    }

    @Test
    @DisplayName("a task that does not compile scores 0 with its error, and the tasks built on it are not graded")
    void compileErrorBlocksLaterTasks() throws GradingException {
        var report = assemble(task -> true, 1, List.of(
                "[ERROR] /wb/task2-runtime/target/graded-sources/workbook/task2/MeasureRuntime.java:[36,1] class, interface, enum, or record expected",
                "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.16.0:compile (default-compile) on project task2-runtime: Compilation failure"),
                Map.of(0, passing(0, 11), 1, passing(1, 9)));
        assertThat(report.tasks()).extracting(TaskReport::status)
                .containsExactly(Status.GRADED, Status.GRADED, Status.DOES_NOT_COMPILE, Status.NOT_GRADED, Status.NOT_GRADED);
        assertThat(report.tasks()).extracting(TaskReport::points).containsExactly(5.0, 7.0, 0.0, 0.0, 0.0);
        assertThat(report.points()).isEqualTo(12);
        assertThat(report.tasks().get(2).compileError().file()).isEqualTo("task2-runtime/src/main/java/workbook/task2/MeasureRuntime.java");
        assertThat(report.tasks().get(2).problem()).startsWith("does not compile: task2-runtime/src/main/java/");
        assertThat(report.tasks().get(3).problem()).isEqualTo("not graded: Task 2 does not compile");
        assertThat(report.firstUnfinished()).map(t -> t.task().number()).contains(2);
    }

    @Test
    @DisplayName("a missing file scores 0 and says so; the tasks after it are not graded")
    void missingFile() throws GradingException {
        var report = assemble(task -> task.number() != 1, 1, List.of(
                "[ERROR] /wb/task1-concurrent/target/graded-sources/workbook/task1/Main.java:[9,9] cannot find symbol",
                "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.16.0:compile (default-compile) on project task1-concurrent: Compilation failure"),
                Map.of(0, passing(0, 3)));
        assertThat(report.tasks().get(1).status()).isEqualTo(Status.MISSING);
        assertThat(report.tasks().get(1).problem())
                .isEqualTo("missing: the submission has no task1-concurrent/src/main/java/workbook/task1/ConcurrentCoroutines.java");
        assertThat(report.tasks().get(4).problem()).isEqualTo("not graded: Task 1 is missing");
    }

    @Test
    @DisplayName("partial credit: a task scores its points times the share of its tests that passed, whatever the earlier tasks did")
    void partialCredit() throws GradingException {
        var mixed = List.of(new TestResult(3, "a", TestResult.Status.PASSED, ""),
                new TestResult(3, "b", TestResult.Status.FAILED, "wrong"),
                new TestResult(3, "c", TestResult.Status.ABORTED, "aborted"));
        var failing = List.of(new TestResult(0, "x", TestResult.Status.FAILED, "no"));
        var report = assemble(task -> true, 0, List.of(), Map.of(0, failing, 1, passing(1, 2), 2, passing(2, 2), 3, mixed, 4, passing(4, 1)));
        assertThat(report.tasks()).extracting(TaskReport::status).containsOnly(Status.GRADED);
        assertThat(report.tasks().get(3).points()).isCloseTo(4.0 / 3, within(1e-9));
        assertThat(report.tasks().get(3).failures()).extracting(TestResult::displayName).containsExactly("b", "c");
        assertThat(report.points()).isCloseTo(7 + 4 + 4.0 / 3 + 7, within(1e-9));
    }

    @Test
    @DisplayName("a task whose suite wrote nothing scores 0 and says why")
    void noResults() throws GradingException {
        var report = assemble(task -> true, 1, List.of(
                "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.6.1:test (default-test) on project task3-tasks: The forked VM terminated without properly saying goodbye"),
                Map.of(0, passing(0, 1), 1, passing(1, 1), 2, passing(2, 1)));
        assertThat(report.tasks().get(3).status()).isEqualTo(Status.NO_RESULTS);
        assertThat(report.tasks().get(3).problem()).isEqualTo(
                "the graded tests did not finish: The forked VM terminated without properly saying goodbye");
        assertThat(report.tasks().get(4).problem()).isEqualTo("not graded: the build stopped at Task 3");
        assertThat(assemble(task -> true, 0, List.of(), Map.of()).tasks().get(0).problem()).isEqualTo("no graded test ran");
    }

    @Test
    @DisplayName("grading cannot run when the workbook itself does not build")
    void workbookFailure() {
        assertThatThrownBy(() -> assemble(task -> true, 1, List.of(
                "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-toolchains-plugin:3.3.0:select-jdk-toolchain (default) on project async-workbook: Cannot find matching toolchain definitions"),
                Map.of()))
                .isInstanceOf(GradingException.class)
                .hasMessage("the workbook itself did not build (async-workbook: Cannot find matching toolchain definitions)");
        assertThatThrownBy(() -> assemble(task -> true, 1, List.of("[ERROR] Some problems were encountered while processing the POMs:"), Map.of()))
                .isInstanceOf(GradingException.class)
                .hasMessage("Maven failed before building any task (Some problems were encountered while processing the POMs:)");
    }
}
