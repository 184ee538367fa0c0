package workbook.grading;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import workbook.testkit.Task;
import workbook.testkit.TestResult;

/**
 * How one task of a submission fared.
 *
 * @param task         the task and what it is worth
 * @param status       whether its tests ran, and if not, why
 * @param problem      one sentence saying why the task was not graded; empty when it was
 * @param compileError the compiler's first error when the task does not compile, otherwise null
 * @param results      the result of every graded test, in the suite's order; empty unless graded
 * @param seconds      how long the graded suite ran; 0 unless graded
 */
public record TaskReport(Task task, Status status, String problem, CompileError compileError, List<TestResult> results,
                         double seconds) {

    /** Whether a task's graded tests ran, and if not, why. */
    public enum Status {
        /** Its graded tests ran: the score is the share that passed. */
        GRADED,
        /** The submission has no file for the task. */
        MISSING,
        /** The task's file is still the untouched skeleton, which fails every graded test: its tests did not run. */
        UNTOUCHED,
        /** The task's code, or the graded tests against it, do not compile. */
        DOES_NOT_COMPILE,
        /** The task's code uses an API outside the workbook's allow-list: its tests did not run. */
        FORBIDDEN_API,
        /** Its tests were not run: not asked for, or an earlier task is not done (the progress view). */
        NOT_GRADED,
        /** Its tests ran, but its code left threads running that never end: the results stand, the score is 0. */
        LEFT_THREADS,
        /** Its tests ran but no graded result came back (no graded test, the test JVM died or was stopped). */
        NO_RESULTS;

        /** Returns the name used in reports: {@code graded}, {@code does-not-compile}, ... */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public TaskReport {
        results = List.copyOf(results);
    }

    /** Returns a report of a task whose tests ran. */
    public static TaskReport graded(Task task, List<TestResult> results, double seconds) {
        return new TaskReport(task, Status.GRADED, "", null, results, seconds);
    }

    /** Returns a report of a task whose tests ran but that scores nothing because of {@code problem}. */
    public static TaskReport voided(Task task, String problem, List<TestResult> results, double seconds) {
        return new TaskReport(task, Status.LEFT_THREADS, problem, null, results, seconds);
    }

    /** Returns a report of a task that scores nothing because of {@code problem}. */
    public static TaskReport notGraded(Task task, Status status, String problem) {
        return new TaskReport(task, status, problem, null, List.of(), 0);
    }

    /** Returns a report of a task whose code does not compile. */
    public static TaskReport doesNotCompile(Task task, CompileError error) {
        return new TaskReport(task, Status.DOES_NOT_COMPILE, "does not compile: " + error, error, List.of(), 0);
    }

    /** Returns how many graded tests passed. */
    public int passed() {
        return (int) results.stream().filter(TestResult::passed).count();
    }

    /** Returns how many graded tests ran. */
    public int total() {
        return results.size();
    }

    /** Returns the points earned, as {@link Task#earned} rules (at most half when a core requirement fails); 0 unless graded. */
    public double points() {
        return status == Status.GRADED ? task.earned(results) : 0;
    }

    /** Returns whether a graded test of a core requirement did not pass. */
    public boolean coreFailed() {
        return Task.coreFailed(results);
    }

    /** Returns whether the core rule took points away from this task. */
    public boolean capped() {
        return task.capped(results);
    }

    /** Returns whether the task is done: its graded tests ran and every one passed. */
    public boolean done() {
        return status == Status.GRADED && total() > 0 && passed() == total();
    }

    /** Returns the graded tests that did not pass, in the suite's order. */
    public List<TestResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /** Returns the first graded test that did not pass, if any. */
    public Optional<TestResult> firstFailure() {
        return failures().stream().findFirst();
    }
}
