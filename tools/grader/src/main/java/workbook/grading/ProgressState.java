package workbook.grading;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import workbook.testkit.Task;
import workbook.testkit.TestResult;

/**
 * What the last check of a student's workbook found, kept in {@code target/progress.json} so that
 * hints and watch mode start from it without checking every task again.
 *
 * @param checkedAt when the check ran, as an ISO-8601 instant
 * @param tasks     how each task fared, in course order
 */
record ProgressState(String checkedAt, List<Row> tasks) {

    /** Where the state is kept, relative to the workbook's root: {@code target/} is never committed. */
    static final String FILE = "target/progress.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * How one task fared.
     *
     * @param task   its number
     * @param done   whether every graded test passed
     * @param passed how many graded tests passed
     * @param total  how many graded tests ran
     */
    record Row(int task, boolean done, int passed, int total) {
    }

    ProgressState {
        tasks = List.copyOf(tasks);
    }

    /** Returns the state a check's report shows. */
    static ProgressState of(Report report) {
        return new ProgressState(report.gradedAt().toString(), report.tasks().stream()
                .map(t -> new Row(t.task().number(), t.done(), t.passed(), t.total())).toList());
    }

    /** Returns the first task not done, or the last task when every one is done. */
    int current() {
        return tasks.stream().filter(r -> !r.done()).mapToInt(Row::task).findFirst()
                .orElse(tasks.isEmpty() ? 0 : tasks.getLast().task());
    }

    /**
     * Returns a report of a task that this state shows done, for a view that does not check it
     * again: its tests stand as passed, without their names.
     */
    static TaskReport remembered(Task task, Row row) {
        var passed = Collections.nCopies(row.total(), new TestResult(task.number(), "", TestResult.Status.PASSED, "", false));
        return TaskReport.graded(task, passed, 0);
    }

    /** Returns the state kept in {@code workbook}, if a check wrote one that this workbook's tasks still match. */
    static Optional<ProgressState> read(Path workbook) {
        var file = workbook.resolve(FILE);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            var state = JSON.readValue(file.toFile(), ProgressState.class);
            var numbers = Task.all().stream().map(Task::number).toList();
            return state.tasks().stream().map(Row::task).toList().equals(numbers) ? Optional.of(state) : Optional.empty();
        } catch (IOException e) {
            // A state that cannot be read is as good as none: the caller checks again.
            return Optional.empty();
        }
    }

    /** Writes this state into {@code workbook}; a state that cannot be written only costs the next command a check. */
    void write(Path workbook) {
        var file = workbook.resolve(FILE);
        try {
            Files.createDirectories(file.getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
        } catch (IOException e) {
            // See above.
        }
    }

    /** Returns the rows of the tasks before {@code task}, as {@link #remembered} reports. */
    List<TaskReport> before(int task) {
        return IntStream.range(0, tasks.size()).filter(i -> tasks.get(i).task() < task)
                .mapToObj(i -> remembered(Task.number(tasks.get(i).task()), tasks.get(i))).toList();
    }
}
