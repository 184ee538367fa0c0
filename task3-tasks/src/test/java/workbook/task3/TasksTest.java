package workbook.task3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static workbook.testkit.Timing.secondsSince;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.testkit.Blocking;
import workbook.testkit.PlatformThreads;
import workbook.testkit.RandomWaits;
import workbook.testkit.Rejections;

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

    @Test
    @DisplayName("taskWaitRandom(maxDelay) returns at once, its task still running")
    void returnsAtOnce() {
        RandomWaits.assertReturnsAtOnce("taskWaitRandom(1)", () -> Tasks.taskWaitRandom(1),
                "return the task at once, without waiting for it inside taskWaitRandom: it completes by itself later");
    }

    @Test
    @DisplayName("taskWaitRandom(maxDelay) returns a CompletableFuture whose state() is RUNNING")
    void returnsRunningCompletableFuture() {
        int n = 20;
        var tasks = IntStream.range(0, n).mapToObj(i -> Tasks.taskWaitRandom(1)).toList();
        var states = tasks.stream().map(Future::state).toList();
        var classes = tasks.stream().map(Object::getClass).distinct().toList();
        assertThat(classes)
                .withFailMessage("taskWaitRandom(1) returned an object of %s: return a plain CompletableFuture, as Main"
                        + " prints its class (no subclass, no wrapper)", classes)
                .containsExactly(CompletableFuture.class);
        // A task is done at once only if its delay is under the microseconds between the call and
        // the look at its state: at most a handful of 20, for a correct solution.
        long running = states.stream().filter(s -> s == Future.State.RUNNING).count();
        assertThat(running)
                .withFailMessage("right after taskWaitRandom(1) returned, only %d of %d tasks had state() RUNNING (the"
                        + " states were %s): return the task while it runs; do not join it or wait for it first",
                        running, n, states)
                .isGreaterThanOrEqualTo(n / 2);
    }

    @Test
    @DisplayName("a task nobody waits for is done after about maxDelay seconds")
    void runsWithoutAnyoneWaiting() {
        int n = 20;
        var tasks = leaveAlone(n, 1);
        long pending = tasks.stream().filter(t -> !t.isDone()).count();
        assertThat(pending)
                .withFailMessage("%d of %d tasks of taskWaitRandom(1) that nobody waited for were still not done after"
                        + " 3 s: a task must start when taskWaitRandom creates it, not when someone calls join or get",
                        pending, n)
                .isZero();
    }

    @Test
    @DisplayName("a task nobody waits for runs to completion and completes with its delay")
    void completesWithoutAnyoneWaiting() {
        int n = 20;
        var tasks = leaveAlone(n, 1);
        var failures = tasks.stream().filter(t -> t.state() != Future.State.SUCCESS)
                .map(t -> t.state() == Future.State.FAILED ? t.exceptionNow().toString() : t.state().toString())
                .toList();
        assertThat(failures)
                .withFailMessage("%d of %d tasks of taskWaitRandom(1) that nobody waited for did not complete with their"
                        + " delay within 3 s, but ended as %s: keep the executor running (do not close it, shut it down"
                        + " or interrupt it) and let every task finish its wait", failures.size(), n, failures)
                .isEmpty();
        RandomWaits.assertInRange("taskWaitRandom(1)", 1, tasks.stream().map(CompletableFuture::join).toList());
    }

    @Test
    @DisplayName("cancel(true) on a running task makes join() throw CancellationException and state() CANCELLED")
    void cancels() {
        int n = 20;
        var tasks = IntStream.range(0, n).mapToObj(i -> Tasks.taskWaitRandom(1)).toList();
        long cancelled = tasks.stream().filter(t -> t.cancel(true)).count();
        assertThat(cancelled)
                .withFailMessage("cancel(true) returned false for %d of %d tasks just returned by taskWaitRandom(1): they"
                        + " were already done, so there was nothing to cancel; return the task while it runs",
                        n - cancelled, n)
                .isGreaterThanOrEqualTo(n / 2);
        for (var task : tasks) {
            if (!task.isCancelled()) {
                continue;
            }
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
    @DisplayName("a task of taskWaitRandom(maxDelay) completes with a delay between 0 and maxDelay")
    void staysInRange() {
        int n = 200;
        var tasks = leaveAlone(n, 1);
        long pending = tasks.stream().filter(t -> !t.isDone()).count();
        assertThat(pending)
                .withFailMessage("%d of %d tasks of taskWaitRandom(1) were still running after 3 s, though a delay of"
                        + " taskWaitRandom(1) is at most 1 s: pass maxDelay on to waitRandom(maxDelay)", pending, n)
                .isZero();
        long failed = tasks.stream().filter(CompletableFuture::isCompletedExceptionally).count();
        assertThat(failed)
                .withFailMessage("%d of %d tasks of taskWaitRandom(1) completed exceptionally, e.g. with %s", failed, n,
                        tasks.stream().filter(CompletableFuture::isCompletedExceptionally).findFirst()
                                .map(t -> t.isCancelled() ? "a cancellation" : t.exceptionNow().toString()).orElse(""))
                .isZero();
        RandomWaits.assertInRange("taskWaitRandom(1)", 1, tasks.stream().map(CompletableFuture::join).toList());
    }

    @Test
    @DisplayName("a task of taskWaitRandom(1) completes after as many seconds as its value")
    void waitsTheTimeItReturns() {
        RandomWaits.assertCompletesAfterItsDelay("taskWaitRandom(1)", () -> Tasks.taskWaitRandom(1));
    }

    @Test
    @DisplayName("1 000 tasks of taskWaitRandom(1) at once all finish in about 1 second, on a few platform threads")
    void thousandTasksDoNotQueue() {
        int started = PlatformThreads.startedDuring(() -> RandomWaits.assertThousandAtOnceTakeOneSecond(
                "taskWaitRandom(1)", () -> Tasks.taskWaitRandom(1),
                "run each task on a virtual thread (Executors.newVirtualThreadPerTaskExecutor()), not on a small pool"
                        + " or the common pool where a blocked task holds its thread"));
        assertThat(started)
                .withFailMessage("1000 tasks of taskWaitRandom(1) started %d platform threads: a thread per task does not"
                        + " scale (CompletableFuture.supplyAsync without an executor may start one per task); run each"
                        + " task on a virtual thread (Executors.newVirtualThreadPerTaskExecutor())", started)
                .isLessThan(100);
    }

    @Test
    @DisplayName("taskWaitRandom(-1) throws IllegalArgumentException naming maxDelay and its value")
    void rejectsNegativeMaxDelay() {
        Rejections.assertRejects("taskWaitRandom(-1)", "maxDelay", -1, "maxDelay must not be negative: -1",
                () -> Tasks.taskWaitRandom(-1));
    }

    /**
     * Makes {@code n} tasks of {@code taskWaitRandom(maxDelay)} and leaves them alone, only
     * looking whether they are done, until all are or {@code maxDelay + 2} seconds have passed.
     */
    private static List<CompletableFuture<Double>> leaveAlone(int n, int maxDelay) {
        long start = System.nanoTime();
        var tasks = IntStream.range(0, n).mapToObj(i -> Tasks.taskWaitRandom(maxDelay)).toList();
        while (secondsSince(start) < maxDelay + 2 && !tasks.stream().allMatch(CompletableFuture::isDone)) {
            LockSupport.parkNanos(10_000_000);
        }
        return tasks;
    }
}
