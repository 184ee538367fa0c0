package workbook.task3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static workbook.testkit.Timing.secondsSince;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import workbook.testkit.Blocking;
import workbook.testkit.PlatformThreads;
import workbook.testkit.RandomWaits;
import workbook.testkit.Rejections;
import workbook.testkit.StudentCode;
import workbook.testkit.Timing;

/**
 * Graded tests of Task 3. Every task here waits at most one second.
 *
 * <p>Several tests leave their tasks alone, without {@code join}, {@code get} or any callback,
 * and only look at them with {@code isDone()} and {@code state()}: a task must run whether or not
 * anyone waits for it.
 */
@Tag("task:3")
@DisplayName("Task 3: taskWaitRandom")
class TasksTest {

    /**
     * Held by the test that starts a thousand tasks and by the test that times tasks closely, so
     * that they take turns: a task's wait begins only once a carrier thread runs its virtual thread.
     */
    private static final String CARRIERS = "virtual-thread carriers";

    @Test
    @Order(2)
    @DisplayName("taskWaitRandom(maxDelay) returns at once, its task still running")
    @Tag("core")
    void returnsAtOnce() {
        RandomWaits.assertReturnsAtOnce("taskWaitRandom(1)", () -> Tasks.taskWaitRandom(1),
                "return the task at once, without waiting for it inside taskWaitRandom: it completes by itself later");
    }

    @Test
    @Order(6)
    @DisplayName("taskWaitRandom(maxDelay) returns a CompletableFuture whose state() is RUNNING")
    void returnsRunningCompletableFuture() {
        int calls = 20;
        var states = new ArrayList<Future.State>();
        var classes = new LinkedHashSet<Class<?>>();
        RandomWaits.warmUp(() -> Tasks.taskWaitRandom(1));
        long start = System.nanoTime();
        while (states.size() < calls && secondsSince(start) < 2) {
            var task = Tasks.taskWaitRandom(1);
            states.add(task.state());
            classes.add(task.getClass());
        }
        assertThat(classes)
                .withFailMessage("taskWaitRandom(1) returned an object of %s: return a plain CompletableFuture, as Main"
                        + " prints its class (no subclass, no wrapper)", classes)
                .containsExactly(CompletableFuture.class);
        // A task is done at once only if its delay is under the microseconds between the call's
        // return and the look at its state: at most a handful of 20, for a correct solution.
        long running = states.stream().filter(s -> s == Future.State.RUNNING).count();
        assertThat(running)
                .withFailMessage("right after taskWaitRandom(1) returned, only %d of %d tasks had state() RUNNING (the"
                        + " states were %s): return the task while it runs; do not join it or wait for it first",
                        running, states.size(), states)
                .isGreaterThanOrEqualTo((states.size() + 1) / 2);
    }

    @Test
    @Order(3)
    @DisplayName("a task nobody waits for is done after about maxDelay seconds")
    @Tag("core")
    void runsWithoutAnyoneWaiting() {
        assertAllDone(leaveAlone(20));
    }

    @Test
    @Order(7)
    @DisplayName("a task nobody waits for runs to completion and completes with its delay")
    void completesWithoutAnyoneWaiting() {
        var tasks = leaveAlone(20);
        assertAllDone(tasks);
        assertAllSucceeded(tasks);
    }

    @Test
    @Order(9)
    @DisplayName("cancel(true) on a running task makes join() throw CancellationException and state() CANCELLED")
    void cancels() {
        int n = 20;
        var tasks = RandomWaits.startAll("taskWaitRandom(1)", n, 2, () -> Tasks.taskWaitRandom(1));
        var cancelled = tasks.stream().filter(t -> t.cancel(true)).toList();
        assertThat(cancelled.size())
                .withFailMessage("cancel(true) returned false for %d of %d tasks just returned by taskWaitRandom(1), whose"
                        + " states are now %s: a task that is done already cannot be cancelled; return the task while it"
                        + " runs", n - cancelled.size(), n, tasks.stream().filter(t -> !cancelled.contains(t)).map(Future::state).toList())
                .isGreaterThanOrEqualTo(n / 2);
        for (var task : cancelled) {
            assertThat(task.state())
                    .withFailMessage("a task of taskWaitRandom(1) reported state() %s after cancel(true) succeeded:"
                            + " return the CompletableFuture itself, whose state() is CANCELLED once cancelled", task.state())
                    .isEqualTo(Future.State.CANCELLED);
            var thrown = catchThrowable(() -> Blocking.time(task::join, 2, "join() of a cancelled task"));
            assertThat(thrown)
                    .withFailMessage("join() of a cancelled task of taskWaitRandom(1) %s instead of throwing"
                            + " CancellationException: return the CompletableFuture itself, not a wrapper",
                            thrown == null ? "returned" : "threw " + thrown)
                    .isInstanceOf(CancellationException.class);
        }
    }

    @Test
    @Order(5)
    @DisplayName("a task of taskWaitRandom(maxDelay) completes with a delay between 0 and maxDelay")
    void staysInRange() {
        var tasks = leaveAlone(100);
        assertAllDone(tasks);
        assertAllSucceeded(tasks);
        RandomWaits.assertInRange("taskWaitRandom(1)", 1, tasks.stream().map(CompletableFuture::join).toList());
    }

    @Test
    @ResourceLock(CARRIERS)
    @Order(8)
    @DisplayName("a task of taskWaitRandom(1) completes after as many seconds as its value")
    void waitsTheTimeItReturns() {
        RandomWaits.assertCompletesAfterItsDelay("taskWaitRandom(1)", () -> Tasks.taskWaitRandom(1));
    }

    @Test
    @ResourceLock(CARRIERS)
    @Order(4)
    @DisplayName("1 000 tasks of taskWaitRandom(1) at once all finish in about 1 second, on a few platform threads")
    void thousandTasksDoNotQueue() {
        int n = 1_000;
        var call = "taskWaitRandom(1)";
        long start = System.nanoTime();
        var tasks = new ArrayList<CompletableFuture<Double>>();
        // Five seconds to start them: starting a platform thread each is slow, and has a message of its own.
        int started = PlatformThreads.startedDuring(() -> tasks.addAll(RandomWaits.startAll(call, n, 5, () -> Tasks.taskWaitRandom(1))));
        assertThat(started)
                .withFailMessage("%d tasks of %s started %d platform threads: a thread per task does not scale (a cached"
                        + " thread pool, or CompletableFuture.supplyAsync without an executor on some JDKs, starts one per"
                        + " task); run each task on a virtual thread (Executors.newVirtualThreadPerTaskExecutor())",
                        n, call, started)
                .isLessThan(100);
        RandomWaits.assertAllDoneInAboutOneSecond(call, start, tasks, "run each task on a virtual thread"
                + " (Executors.newVirtualThreadPerTaskExecutor()), not on a small pool or the common pool, where a task"
                + " that waits holds its thread");
    }

    @Test
    @Order(1)
    @DisplayName("taskWaitRandom(-1) throws IllegalArgumentException naming maxDelay and its value")
    void rejectsNegativeMaxDelay() {
        Rejections.assertRejects("taskWaitRandom(-1)", "maxDelay", -1, "maxDelay must not be negative: -1",
                () -> Tasks.taskWaitRandom(-1));
    }

    /**
     * Makes {@code n} tasks of {@code taskWaitRandom(1)} and leaves them alone, only looking
     * whether they are done, until all are or 3 seconds have passed since the last was made.
     */
    private static List<CompletableFuture<Double>> leaveAlone(int n) {
        var tasks = RandomWaits.startAll("taskWaitRandom(1)", n, 2, () -> Tasks.taskWaitRandom(1));
        long start = System.nanoTime();
        while (secondsSince(start) < 3 && !tasks.stream().allMatch(CompletableFuture::isDone)) {
            LockSupport.parkNanos(10_000_000);
        }
        return tasks;
    }

    /** Asserts that every task left alone by {@link #leaveAlone} is done. */
    private static void assertAllDone(List<CompletableFuture<Double>> tasks) {
        long pending = tasks.stream().filter(t -> !t.isDone()).count();
        // Tasks queued behind threads that wait look like tasks that never started: name what holds them.
        var blocked = pending == 0 ? Optional.<String>empty() : Timing.blockedThreads();
        assertThat(pending)
                .withFailMessage("%d of %d tasks of taskWaitRandom(1) that nobody waited for were still not done after"
                        + " 3 s, though such a task waits at most 1 s: %s", pending, tasks.size(), blocked.isPresent()
                        ? blocked.get() + ", so the tasks queue up for the few threads of a pool whose threads wait; run each"
                                + " task on a virtual thread (Executors.newVirtualThreadPerTaskExecutor())"
                        : pending == tasks.size()
                        ? "a task must start by itself when taskWaitRandom creates it, not when someone calls join or get"
                        : "the others were done, so the tasks wait longer than maxDelay; pass maxDelay on to waitRandom")
                .isZero();
    }

    /** Asserts that every task left alone by {@link #leaveAlone} completed normally, with a value. */
    private static void assertAllSucceeded(List<CompletableFuture<Double>> tasks) {
        var failures = tasks.stream().filter(t -> t.state() != Future.State.SUCCESS)
                .map(t -> t.state() == Future.State.FAILED ? t.exceptionNow().toString() : t.state().toString())
                .toList();
        assertThat(failures)
                .withFailMessage("%d of %d tasks of taskWaitRandom(1) that nobody waited for did not complete with their"
                        + " delay but ended as %s: keep the executor running (do not close it, shut it down or interrupt"
                        + " it) and let every task finish its wait", failures.size(), tasks.size(), failures)
                .isEmpty();
    }

    @Test
    @Order(10)
    @DisplayName("Tasks uses only the APIs a workbook task may use")
    void usesOnlyAllowedApis() {
        // The check reads the compiled class; a call first makes sure it reads code that runs.
        Tasks.taskWaitRandom(0).join();
        StudentCode.of(Tasks.class).assertOnlyAllowedApis();
    }
}
