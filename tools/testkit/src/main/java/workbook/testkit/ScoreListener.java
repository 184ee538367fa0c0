package workbook.testkit;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints a task's score once its graded tests have run, with the failure to fix first, and hands
 * every result to a sink.
 *
 * <p>Registered through {@code META-INF/services}, so every module that has the testkit on its
 * test class path reports its score, under Maven, an IDE or any other JUnit launcher. The grader's
 * {@link SuiteRunner} adds one more, whose sink sends the results to the grader.
 *
 * <p>A graded test is one tagged {@code task:N}. A graded test that never ran, because its class
 * failed before it (a failing {@code @BeforeAll}, for instance) or was skipped, counts as failed:
 * what code does to the suite can lower its score, never raise it. Test events may arrive on many
 * threads at once.
 */
public final class ScoreListener implements TestExecutionListener {

    private static final TestTag CORE = TestTag.create("core");
    private static final Pattern JUNIT_TIMEOUT = Pattern.compile("\\S+\\(.*\\) timed out after (\\S+) seconds?");

    private final Consumer<List<TestResult>> sink;
    private final PrintStream out;
    private final Map<String, TestResult> results = new ConcurrentHashMap<>();
    private final Map<String, String> containerFailures = new ConcurrentHashMap<>();

    /** Creates the listener JUnit registers: it prints the score lines to standard output. */
    public ScoreListener() {
        this(results -> { }, System.out);
    }

    /** Creates a listener that prints the score lines to {@code out} and hands the results, in plan order, to {@code sink}. */
    public ScoreListener(Consumer<List<TestResult>> sink, PrintStream out) {
        this.sink = sink;
        this.out = out;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        results.clear();
        containerFailures.clear();
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
        var done = collect(testPlan);
        var byTask = new TreeMap<Integer, List<TestResult>>();
        done.forEach(r -> byTask.computeIfAbsent(r.task(), t -> new ArrayList<>()).add(r));
        byTask.forEach((task, list) -> {
            out.println(scoreLine(task, list));
            // Plan order is cause before symptom: the first failure is the one to fix first.
            list.stream().filter(r -> !r.passed()).findFirst().ifPresent(first ->
                    out.println("  Fix first: " + first.displayName() + System.lineSeparator() + "    " + first.firstLine()));
        });
        sink.accept(done);
    }

    /** Returns the one-line score of a task, e.g. {@code Task 0 score: 9/12 tests passed, 3.75/5 points}. */
    static String scoreLine(int task, List<TestResult> results) {
        long passed = results.stream().filter(TestResult::passed).count();
        var points = Task.number(task);
        return String.format(Locale.ROOT, "Task %d score: %d/%d tests passed, %s/%d %spoints%s",
                task, passed, results.size(), Task.formatPoints(points.earned(results)), points.points(),
                points.part() == Task.Part.BONUS ? "bonus " : "",
                points.capped(results) ? " (a core requirement fails: at most half the points)" : "");
    }

    private void record(TestIdentifier test, TestResult.Status status, String message) {
        var id = test.getUniqueId();
        if (test.isTest()) {
            taskOf(test).ifPresent(task -> results.put(id, new TestResult(task, test.getDisplayName(), status, message, isCore(test))));
        } else if (status != TestResult.Status.PASSED) {
            containerFailures.put(id, message);
        }
    }

    /**
     * Returns the result of every graded test of the plan, in plan order; a test without a result
     * failed to run. A graded container that failed without any graded test under it (a
     * parameterized test whose arguments could not be made, say) counts as one failed test.
     */
    private List<TestResult> collect(TestPlan plan) {
        var all = new ArrayList<TestResult>();
        plan.getRoots().forEach(root -> collect(plan, root, all));
        return all;
    }

    /** Adds the results under {@code node} to {@code all} and returns whether it holds a graded test. */
    private boolean collect(TestPlan plan, TestIdentifier node, List<TestResult> all) {
        var task = taskOf(node);
        if (node.isTest()) {
            task.ifPresent(t -> all.add(results.getOrDefault(node.getUniqueId(),
                    new TestResult(t, node.getDisplayName(), TestResult.Status.FAILED, notRun(plan, node), isCore(node)))));
            return task.isPresent();
        }
        boolean graded = false;
        for (var child : plan.getChildren(node)) {
            graded |= collect(plan, child, all);
        }
        var failure = containerFailures.get(node.getUniqueId());
        if (!graded && failure != null && task.isPresent()) {
            all.add(new TestResult(task.get(), node.getDisplayName(), TestResult.Status.FAILED, failure, isCore(node)));
            return true;
        }
        return graded;
    }

    /** Explains why a test has no result: the failure of the nearest container that failed or was skipped. */
    private String notRun(TestPlan plan, TestIdentifier test) {
        for (var node = plan.getParent(test); node.isPresent(); node = plan.getParent(node.get())) {
            var failure = containerFailures.get(node.get().getUniqueId());
            if (failure != null) {
                return "did not run: " + failure;
            }
        }
        return "did not run";
    }

    private static Optional<Integer> taskOf(TestIdentifier test) {
        return test.getTags().stream()
                .map(TestTag::getName)
                .filter(name -> name.startsWith("task:"))
                .map(name -> Integer.parseInt(name.substring("task:".length())))
                .findFirst();
    }

    private static boolean isCore(TestIdentifier test) {
        return test.getTags().contains(CORE);
    }

    private static String describe(Throwable failure) {
        var message = failure.getMessage();
        if (failure instanceof TimeoutException && message != null) {
            // JUnit's own words name the test method ("waitsForEveryStage() timed out after 20 seconds").
            var timeout = JUNIT_TIMEOUT.matcher(message);
            if (timeout.matches()) {
                // Threads still blocked in the student's code say why better than any guess.
                return Timing.blockedThreads().map(blocked -> "did not finish within %s s while %s: a wait that blocks a"
                                .formatted(timeout.group(1), blocked) + " thread holds it for the whole delay, so waits queue"
                                + " up for a pool's few threads or take a thread each; wait with a timer (delayedExecutor) or"
                                + " a virtual thread instead")
                        .orElse("did not finish within %s s: the code under test never returned, or its future never completed"
                                .formatted(timeout.group(1)) + " (a future nobody completes, a join or get that waits forever,"
                                + " a loop that never ends)");
            }
        }
        return message == null || message.isBlank() ? failure.getClass().getName() : message.strip();
    }
}
