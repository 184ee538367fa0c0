package workbook.grading;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The grade of one submission: how each of the five tasks fared.
 *
 * <p>The grade command prints and writes it; a progress view for students can read the same
 * model (see {@link #firstUnfinished()}).
 *
 * @param submission the submission's folder, absolute
 * @param gradedAt   when the grading ran
 * @param tasks      one report per task, in course order
 */
public record Report(Path submission, Instant gradedAt, List<TaskReport> tasks) {

    public Report {
        tasks = List.copyOf(tasks);
    }

    /** Returns the submission's name: the name of its folder. */
    public String name() {
        var name = submission.getFileName();
        return name == null ? submission.toString() : name.toString();
    }

    /** Returns the points earned over all tasks: the sum of the task points as the reports show them. */
    public double points() {
        return Math.round(tasks.stream().mapToDouble(TaskReport::points).sum() * 100) / 100.0;
    }

    /** Returns the points all tasks are worth. */
    public int maxPoints() {
        return tasks.stream().mapToInt(t -> t.task().points()).sum();
    }

    /** Returns the first task, in course order, that is not done yet. */
    public Optional<TaskReport> firstUnfinished() {
        return tasks.stream().filter(t -> !t.done()).findFirst();
    }
}
