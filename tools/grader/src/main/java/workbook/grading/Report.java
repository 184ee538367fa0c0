package workbook.grading;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
 * @param problem    why the submission could not be graded (then every task scores 0), or null
 */
public record Report(Path submission, Instant gradedAt, List<TaskReport> tasks, String problem) {

    /** Where a submission stands as a whole: what an instructor reads first in a class's summary. */
    public enum Standing {
        /** The submission has none of the student files. */
        NOT_HANDED_IN,
        /** Every student file it has is the untouched skeleton. */
        UNTOUCHED,
        /** Every file the student changed fails to compile. */
        DOES_NOT_COMPILE,
        /** At least one changed file compiles: its tests ran. */
        ATTEMPTED,
        /** Grading it failed (see {@link #problem()}); the other submissions were graded. */
        NOT_GRADED;

        /** Returns the name used in summaries: {@code not handed in}, {@code untouched}, ... */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    public Report {
        tasks = List.copyOf(tasks);
    }

    /** Creates the report of a submission that was graded. */
    public Report(Path submission, Instant gradedAt, List<TaskReport> tasks) {
        this(submission, gradedAt, tasks, null);
    }

    /** Returns the report of a submission that could not be graded because of {@code problem}: every task scores 0. */
    public static Report notGraded(Path submission, Instant gradedAt, String problem) {
        return new Report(submission, gradedAt, Task.all().stream()
                .map(task -> TaskReport.notGraded(task, TaskReport.Status.NOT_GRADED, "not graded: " + problem)).toList(),
                problem);
    }

    /** Returns where the submission stands as a whole. */
    public Standing standing() {
        if (problem != null) {
            return Standing.NOT_GRADED;
        }
        var changed = tasks.stream().map(TaskReport::status)
                .filter(s -> s != TaskReport.Status.MISSING && s != TaskReport.Status.UNTOUCHED).toList();
        if (changed.isEmpty()) {
            return tasks.stream().allMatch(t -> t.status() == TaskReport.Status.MISSING) ? Standing.NOT_HANDED_IN
                    : Standing.UNTOUCHED;
        }
        return changed.stream().allMatch(s -> s == TaskReport.Status.DOES_NOT_COMPILE) ? Standing.DOES_NOT_COMPILE
                : Standing.ATTEMPTED;
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
