package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.testkit.Task;
import workbook.testkit.TestResult;

@DisplayName("The class report compares the submissions of a folder and renders them as one page")
class ClassReportTest {

    /** The workbook this module belongs to: its skeletons are the given code, its catalog explains failures. */
    private static final Path WORKBOOK = Path.of("../..").toAbsolutePath().normalize();

    @TempDir
    Path folder;

    /** Puts Tasks 0 and 1 of {@code from} (a folder shaped like the workbook) into a submission named {@code name}. */
    private Report submission(String name, Path from, boolean renamed) throws IOException {
        var tasks = new java.util.ArrayList<TaskReport>();
        for (var task : Task.all()) {
            var source = from.resolve(task.studentFile());
            if (task.number() > 1 || !Files.exists(source)) {
                tasks.add(TaskReport.notGraded(task, TaskReport.Status.MISSING, "missing"));
                continue;
            }
            var text = Files.readString(source);
            if (renamed) {
                text = text.replaceAll("\\bdelay\\b", "pause").replaceAll("\\bwaits\\b", "pending")
                        .replaceAll("\\bresults\\b", "collected").replaceAll("\\bfilled\\b", "count");
            }
            var file = folder.resolve(name).resolve(task.studentFile());
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            tasks.add(TaskReport.graded(task, List.of(new TestResult(task.number(),
                    "waitN(1000, 1) runs all waits at the same time: done in about 1 second, not the sum of the delays",
                    name.equals("reference") ? TestResult.Status.PASSED : TestResult.Status.FAILED, "took 500 s", true)), 1));
        }
        return new Report(folder.resolve(name), Instant.EPOCH, tasks);
    }

    @Test
    @DisplayName("a copy with renamed variables is flagged; a solution written apart is not; the skeleton's code never counts")
    void similarity() throws Exception {
        var reference = submission("reference", WORKBOOK.resolve("solutions"), false);
        var copy = submission("copy", WORKBOOK.resolve("solutions"), true);
        var apart = submission("apart", WORKBOOK.resolve(".ci/fixtures/independent"), false);
        var given = submission("given", WORKBOOK, false);
        // The skeletons' path sorts before the submissions': CPD's results must not depend on it.
        var skeletons = folder.resolve("0-skeletons");
        for (var task : Task.all()) {
            var file = skeletons.resolve(task.studentFile());
            Files.createDirectories(file.getParent());
            Files.copy(WORKBOOK.resolve(task.studentFile()), file);
        }
        var pairs = Similarity.pairs(skeletons, List.of(reference, copy, apart, given));
        assertThat(pairs).filteredOn(Similarity.Pair::flagged).singleElement().satisfies(pair -> {
            assertThat(List.of(pair.a(), pair.b())).containsExactly("copy", "reference");
            assertThat(pair.similarity()).isGreaterThan(0.9);
            assertThat(pair.fragments()).isNotEmpty();
        });
        assertThat(pairs).filteredOn(p -> p.a().equals("given") || p.b().equals("given"))
                .allSatisfy(p -> assertThat(p.shared()).as("tokens %s shares with the skeleton", p).isZero());
    }

    @Test
    @DisplayName("the page holds the standings, a chart row per task, the most failed requirement with its catalog entry, and no link out")
    void page() throws Exception {
        var reference = submission("reference", WORKBOOK.resolve("solutions"), false);
        var copy = submission("copy & <b>", WORKBOOK.resolve("solutions"), true);
        var empty = Report.notGraded(folder.resolve("broken"), Instant.EPOCH, "its folder could not be read");
        var reports = List.of(reference, copy, empty);
        var html = ClassReport.html(WORKBOOK, folder, reports, Similarity.pairs(WORKBOOK, reports));
        assertThat(html)
                .contains("<strong>1</strong> not graded", "<strong>2</strong> attempted")
                .contains("copy &amp; &lt;b&gt;")
                .doesNotContain("copy & <b>")
                .contains("href=\"copy%20%26%20%3Cb%3E/grade-report.md")
                .contains("not graded: its folder could not be read");
        assertThat(html.split("data-task=\"")).hasSize(Task.all().size() + 1);
        assertThat(html).containsPattern("(?s)class=\"requirement\" data-failed=\"1\">.*runs all waits at the same time"
                + ".*href=\"#mistake-1-sequential-join\"");
        assertThat(html).contains("id=\"mistake-1-sequential-join\"");
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//");
    }
}
