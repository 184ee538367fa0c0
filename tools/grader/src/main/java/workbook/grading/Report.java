package workbook.grading;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import workbook.testkit.Task;

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

    /** Returns the points earned over the course's tasks: the sum of their points as the reports show them. */
    public double points() {
        return sum(Task.Part.COURSE);
    }

    /** Returns the points the course's tasks are worth (27). */
    public int maxPoints() {
        return max(Task.Part.COURSE);
    }

    /** Returns the bonus points earned over the tasks of Part 2, which stand beside the course's points. */
    public double bonusPoints() {
        return sum(Task.Part.BONUS);
    }

    /** Returns the bonus points the tasks of Part 2 are worth; 0 when there are none. */
    public int bonusMaxPoints() {
        return max(Task.Part.BONUS);
    }

    private double sum(Task.Part part) {
        return Math.round(tasks.stream().filter(t -> t.task().part() == part).mapToDouble(TaskReport::points).sum() * 100) / 100.0;
    }

    private int max(Task.Part part) {
        return tasks.stream().filter(t -> t.task().part() == part).mapToInt(t -> t.task().points()).sum();
    }

    /** Returns the first task, in course order, that is not done yet. */
    public Optional<TaskReport> firstUnfinished() {
        return tasks.stream().filter(t -> !t.done()).findFirst();
    }
}
