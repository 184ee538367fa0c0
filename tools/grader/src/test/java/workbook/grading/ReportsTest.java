package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import workbook.grading.TaskReport.Status;
import workbook.testkit.Task;
import workbook.testkit.TestResult;

@DisplayName("Reports render a grade as a table, Markdown, JSON and CSV")
class ReportsTest {

    /** The tasks of the registry after Task 5, each missing: the reports of a submission list every task. */
    private static final List<TaskReport> LATER = Task.all().stream().filter(t -> t.number() > 5)
            .map(t -> TaskReport.notGraded(t, Status.MISSING, "missing")).toList();
    /** What the bonus tasks are worth: Task 5 earns its 5 of them in these reports. */
    private static final String BONUS = "bonus 5/" + Task.all().stream().filter(t -> t.part() == Task.Part.BONUS)
            .mapToInt(Task::points).sum();
    /** The cells of the later tasks in the summaries: 0 each. */
    private static final String LATER_ZEROS = ",0".repeat(LATER.size());

    private static Report report(String name) {
        var task0 = TaskReport.graded(Task.number(0), List.of(
                new TestResult(0, "waitRandom(1) returns at once", TestResult.Status.PASSED, "", false),
                new TestResult(0, "waitRandom(-1) throws | rejects", TestResult.Status.FAILED, "said \"no\"\tand *stopped*", false)), 1.0);
        var task1 = TaskReport.graded(Task.number(1), List.of(new TestResult(1, "waitN works", TestResult.Status.PASSED, "", false)), 1.0);
        var task2 = TaskReport.doesNotCompile(Task.number(2),
                new CompileError("task2-runtime/src/main/java/workbook/task2/MeasureRuntime.java", 36, 1, "';' expected"));
        var task3 = TaskReport.notGraded(Task.number(3), Status.NOT_GRADED, "not graded: Task 2 does not compile");
        var task4 = TaskReport.notGraded(Task.number(4), Status.MISSING, "missing: the submission has no TaskWaitN.java");
        var task5 = TaskReport.graded(Task.number(5), List.of(new TestResult(5, "gathers", TestResult.Status.PASSED, "", false)), 1.0);
        return new Report(Path.of("/subs", name), Instant.parse("2026-01-01T10:00:00Z"),
                Stream.concat(Stream.of(task0, task1, task2, task3, task4, task5), LATER.stream()).toList());
    }

    @Test
    @DisplayName("the console table has a row per task with its tests and points, then each failure and problem")
    void text() {
        var text = Reports.text(report("alice"));
        assertThat(text).startsWith("alice: 9.5/27, " + BONUS + " points (" + Path.of("/subs", "alice") + ")");
        assertThat(text).containsPattern("Task 0 +task0-basic +1/2 +2.5/5")
                .containsPattern("Task 2 +task2-runtime +- +0/4")
                .contains("failed: waitRandom(-1) throws | rejects: said \"no\"\tand *stopped*")
                .contains("does not compile: task2-runtime/src/main/java/workbook/task2/MeasureRuntime.java:36:1: ';' expected")
                .contains("not graded: Task 2 does not compile")
                .containsPattern("Task 5 +task5-errors +1/1 +5/5 bonus")
                .containsPattern("Total +9.5/27, " + BONUS);
    }

    @Test
    @DisplayName("grading a folder prints, per submission, its total, its time and an estimate of the time left")
    void progressLine() {
        var timed = new Grade.Timed(report("alice"), 14.4);
        assertThat(Grade.progressLine(12, 100, timed, 12 * 15.0))
                .isEqualTo("[12/100] alice: 9.5/27, " + BONUS + " (14 s) · about 22 min left%n".formatted());
        assertThat(Grade.progressLine(5, 6, timed, 5 * 15.0)).contains("[5/6] alice: ").contains("· about 15 s left");
        assertThat(Grade.progressLine(6, 6, timed, 6 * 15.0)).contains("[6/6] alice: ").contains("· done");
    }

    @Test
    @DisplayName("the Markdown report escapes what Markdown would read as markup")
    void markdown() {
        var md = Reports.markdown(report("alice"));
        assertThat(md).startsWith("# Grade of alice: 9.5/27, " + BONUS + " points\n")
                .contains("| 0 | task0-basic | 1/2 | 2.5/5 | graded |")
                .contains("| 2 | task2-runtime | - | 0/4 | does not compile |")
                .contains("| **Total** | | | **9.5/27, " + BONUS + "** | |")
                .contains("- **waitRandom(-1) throws \\| rejects**: said \"no\"\tand \\*stopped\\*")
                .contains("`task2-runtime/src/main/java/workbook/task2/MeasureRuntime.java:36:1`: ';' expected")
                .contains("### Task 3 (task3-tasks): not graded\n\nNot graded: Task 2 does not compile.")
                .doesNotContain("### Task 1");
    }

    @Test
    @DisplayName("the JSON report follows the documented schema")
    void json() throws Exception {
        var json = new ObjectMapper().readTree(Reports.json(report("alice")));
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(json.get("submission").asText()).isEqualTo(Path.of("/subs", "alice").toString());
        assertThat(json.get("gradedAt").asText()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(json.get("points").asDouble()).isEqualTo(9.5);
        assertThat(json.get("maxPoints").asInt()).isEqualTo(27);
        var tasks = json.get("tasks");
        assertThat(tasks.get(0).get("tests").get(1).toString())
                .isEqualTo("{\"name\":\"waitRandom(-1) throws | rejects\",\"status\":\"failed\",\"message\":\"said \\\"no\\\"\\tand *stopped*\",\"core\":false}");
        assertThat(tasks.get(0).get("problem").isNull()).isTrue();
        assertThat(tasks.get(2).get("status").asText()).isEqualTo("does-not-compile");
        assertThat(tasks.get(2).get("compileError").toString()).isEqualTo("{\"file\":\"task2-runtime/src/main/java/workbook/task2/MeasureRuntime.java\",\"line\":36,\"column\":1,\"message\":\"';' expected\"}");
        assertThat(tasks.get(3).get("problem").asText()).isEqualTo("not graded: Task 2 does not compile");
    }

    @Test
    @DisplayName("a JSON report reads back as the report it was written from, wherever its folder is now")
    void readBack(@org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        var written = report("alice");
        var file = folder.resolve("grade-report.json");
        java.nio.file.Files.writeString(file, Reports.json(written));
        var read = Reports.read(file, folder);
        assertThat(read.submission()).isEqualTo(folder);
        assertThat(read.tasks()).isEqualTo(written.tasks());
        assertThat(Reports.total(read)).isEqualTo(Reports.total(written));
        java.nio.file.Files.writeString(file, Reports.json(written).replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 1"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Reports.read(file, folder))
                .hasMessageContaining("another version of the workbook (schema 1");
    }

    @Test
    @DisplayName("a submission stands as not handed in, untouched, does not compile, attempted, or not graded")
    void standing() {
        java.util.function.Function<List<Status>, Report.Standing> standing = statuses -> new Report(Path.of("/subs/x"),
                Instant.EPOCH, Task.all().stream().map(t -> new TaskReport(t, statuses.get(Math.min(t.number(), statuses.size() - 1)),
                        "", null, List.of(), 0)).toList()).standing();
        assertThat(standing.apply(List.of(Status.MISSING))).isEqualTo(Report.Standing.NOT_HANDED_IN);
        assertThat(standing.apply(List.of(Status.UNTOUCHED, Status.MISSING))).isEqualTo(Report.Standing.UNTOUCHED);
        assertThat(standing.apply(List.of(Status.DOES_NOT_COMPILE, Status.UNTOUCHED))).isEqualTo(Report.Standing.DOES_NOT_COMPILE);
        assertThat(standing.apply(List.of(Status.DOES_NOT_COMPILE, Status.GRADED))).isEqualTo(Report.Standing.ATTEMPTED);
        var failed = Report.notGraded(Path.of("/subs/x"), Instant.EPOCH, "its folder could not be read");
        assertThat(failed.standing()).isEqualTo(Report.Standing.NOT_GRADED);
        assertThat(Reports.standing(failed)).isEqualTo("not graded: its folder could not be read");
        assertThat(failed.tasks()).hasSize(Task.all().size()).allMatch(t -> t.points() == 0);
    }

    @Test
    @DisplayName("the points of every report add up: the total is the sum of the task points as shown")
    void pointsAddUp() {
        var seven = java.util.stream.IntStream.range(0, 17).mapToObj(i -> new TestResult(1, "t" + i,
                i < 16 ? TestResult.Status.PASSED : TestResult.Status.FAILED, "", false)).toList();
        var eleven = java.util.stream.IntStream.range(0, 11).mapToObj(i -> new TestResult(0, "t" + i,
                i < 10 ? TestResult.Status.PASSED : TestResult.Status.FAILED, "", false)).toList();
        var report = new Report(Path.of("/subs/x"), Instant.EPOCH, List.of(TaskReport.graded(Task.number(0), eleven, 1),
                TaskReport.graded(Task.number(1), seven, 1)));
        assertThat(Reports.summaryCsv(List.of(report))).endsWith("x,4.55,6.59,11.14,0,attempted\n");
    }

    @Test
    @DisplayName("a failing core requirement caps the task at half its points, and the reports say so")
    void coreRequirementCaps() throws Exception {
        var results = java.util.stream.IntStream.range(0, 17).mapToObj(i -> new TestResult(1, "t" + i,
                i == 0 ? TestResult.Status.FAILED : TestResult.Status.PASSED, "", i == 0)).toList();
        var report = new Report(Path.of("/subs/x"), Instant.EPOCH, List.of(TaskReport.graded(Task.number(1), results, 1)));
        assertThat(report.points()).isEqualTo(3.5);
        assertThat(Reports.text(report)).contains("a core requirement fails: at most half the points");
        var json = new ObjectMapper().readTree(Reports.json(report)).get("tasks").get(0);
        assertThat(json.get("coreFailed").asBoolean()).isTrue();
        assertThat(json.get("tests").get(0).get("core").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("the summary of a folder has a row per submission with its points per task and in all")
    void summary() {
        var reports = List.of(report("alice"), report("bob, jr"));
        var header = Task.all().stream().map(t -> "task" + t.number()).collect(Collectors.joining(","));
        assertThat(Reports.summaryCsv(reports)).isEqualTo("""
                submission,%s,total,bonus,standing
                alice,2.5,7,0,0,0,5%s,9.5,5,attempted
                "bob, jr",2.5,7,0,0,0,5%s,9.5,5,attempted
                """.formatted(header, LATER_ZEROS, LATER_ZEROS));
        assertThat(Reports.summaryMarkdown(reports))
                .contains("| Submission | Task 0 (5) | Task 1 (7) | Task 2 (4) | Task 3 (4) | Task 4 (7) | Task 5 (5) |")
                .contains(" | Total (27) | Bonus |")
                .contains("| [alice](alice/grade-report.md) | 2.5 | 7 | 0 | 0 | 0 | 5 |" + " 0 |".repeat(LATER.size())
                        + " 9.5 | 5 | attempted |");
        assertThat(Reports.summaryText(reports)).containsPattern("alice +2.5 +7 +0 +0 +0 +5" + " +0".repeat(LATER.size())
                + " +9.5/27, " + BONUS);
    }
}
