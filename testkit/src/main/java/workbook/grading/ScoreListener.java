package workbook.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints a task's score once its graded tests have run, and records every result for the grader.
 *
 * <p>Registered through {@code META-INF/services}, so every module that has the testkit on its
 * test class path reports its score, under Maven, an IDE or any other JUnit launcher. When the
 * system property {@code workbook.results} names a file, one line per graded test is written
 * there (see {@link TestResult#toLine()}). Test events may arrive on many threads at once.
 */
public final class ScoreListener implements TestExecutionListener {

    private final List<TestResult> results = new ArrayList<>();

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        synchronized (results) {
            results.clear();
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        record(test, TestResult.Status.FAILED, "skipped: " + reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        var status = switch (result.getStatus()) {
            case SUCCESSFUL -> TestResult.Status.PASSED;
            case ABORTED -> TestResult.Status.ABORTED;
            case FAILED -> TestResult.Status.FAILED;
        };
        var message = result.getThrowable().map(ScoreListener::describe).orElse("");
        record(test, status, message);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        List<TestResult> done;
        synchronized (results) {
            done = List.copyOf(results);
        }
        var byTask = new TreeMap<Integer, List<TestResult>>();
        done.forEach(r -> byTask.computeIfAbsent(r.task(), t -> new ArrayList<>()).add(r));
        byTask.forEach((task, list) -> System.out.println(scoreLine(task, list)));
        var file = System.getProperty("workbook.results");
        if (file != null && !done.isEmpty()) {
            write(Path.of(file), done);
        }
    }

    /** Returns the one-line score of a task, e.g. {@code Task 0 score: 9/12 tests passed, 3.75/5 points}. */
    static String scoreLine(int task, List<TestResult> results) {
        long passed = results.stream().filter(TestResult::passed).count();
        var points = Points.task(task);
        return String.format(Locale.ROOT, "Task %d score: %d/%d tests passed, %s/%d points",
                task, passed, results.size(), Score.format(points.earned((int) passed, results.size())), points.points());
    }

    private void record(TestIdentifier test, TestResult.Status status, String message) {
        if (!test.isTest()) {
            return;
        }
        taskOf(test).ifPresent(task -> {
            synchronized (results) {
                results.add(new TestResult(task, test.getDisplayName(), status, message));
            }
        });
    }

    private static Optional<Integer> taskOf(TestIdentifier test) {
        return test.getTags().stream()
                .map(TestTag::getName)
                .filter(name -> name.startsWith("task:"))
                .map(name -> Integer.parseInt(name.substring("task:".length())))
                .findFirst();
    }

    private static String describe(Throwable failure) {
        var message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getName() : message.strip();
    }

    private static void write(Path file, List<TestResult> results) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, results.stream().map(TestResult::toLine).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the graded results to " + file, e);
        }
    }
}
