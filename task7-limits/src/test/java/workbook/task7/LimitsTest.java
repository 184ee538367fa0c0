package workbook.task7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;
import static workbook.testkit.Timing.format;
import static workbook.testkit.Timing.secondsSince;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.testkit.Blocking;
import workbook.testkit.PlatformThreads;
import workbook.testkit.Rejections;
import workbook.testkit.StudentCode;

/**
 * Graded tests of Task 7. The tasks are the test's own: each supplier records that it was called
 * and returns a future the test completes when it chooses, so how many run at once, and when each
 * starts, is counted exactly. Real timers only in {@code waitNLimited}, where time is the subject.
 */
@Tag("task:7")
@DisplayName("Task 7: limited and waitNLimited")
class LimitsTest {

    /** Tasks the test controls: task i records its start and returns stage i, which the test completes. */
    private static final class Tasks {
        final List<CompletableFuture<Integer>> stages;
        final List<Integer> started = new CopyOnWriteArrayList<>();
        final List<Supplier<CompletableFuture<Integer>>> suppliers;

        Tasks(int n) {
            stages = IntStream.range(0, n).mapToObj(i -> new CompletableFuture<Integer>()).toList();
            suppliers = IntStream.range(0, n).<Supplier<CompletableFuture<Integer>>>mapToObj(i -> () -> {
                started.add(i);
                return stages.get(i);
            }).toList();
        }

        /** Waits at most a second until {@code count} tasks have started; fails saying how many did. */
        void awaitStarted(int count, String what) {
            long start = System.nanoTime();
            while (started.size() < count && secondsSince(start) < 1) {
                Thread.onSpinWait();
            }
            assertThat(started.size())
                    .withFailMessage("%s: %d tasks had started after 1 s, expected %d", what, started.size(), count)
                    .isGreaterThanOrEqualTo(count);
        }

        /** Asserts that, 0.1 s from now, exactly {@code count} tasks have started. */
        void assertStartedStays(int count, String what) {
            sleep(0.1);
            assertThat(started.size())
                    .withFailMessage("%s: %d tasks had started, expected exactly %d", what, started.size(), count)
                    .isEqualTo(count);
        }
    }

    private static void sleep(double seconds) {
        CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(Math.round(seconds * 1e9),
                TimeUnit.NANOSECONDS)).join();
    }

    private static <T> T result(CompletableFuture<T> future, double seconds, String call) {
        try {
            return future.get(Math.round(seconds * 1e9), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return fail("%s had not completed %s s after its last task had", call, format(seconds));
        } catch (ExecutionException e) {
            return fail("%s completed exceptionally with %s", call, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for " + call, e);
        }
    }

    /** The exception {@code future} holds, as {@code handle} sees it; fails if it does not fail within a second. */
    private static Throwable failure(CompletableFuture<?> future, String call, String why) {
        var seen = future.handle((value, failure) -> failure == null ? "completed normally with " + value : failure);
        var got = seen.completeOnTimeout("had not completed 1 s later", 1, TimeUnit.SECONDS).join();
        return got instanceof Throwable failure ? failure : fail("%s %s: %s", call, got, why);
    }

    @Test
    @DisplayName("limited returns at once and starts at most limit tasks")
    @Tag("core")
    void startsAtMostLimit() {
        var tasks = new Tasks(10);
        var call = Blocking.time(() -> Limits.limited(tasks.suppliers, 3), 2, "limited(10 pending tasks, 3)");
        assertThat(call.value() != null && !call.value().isDone())
                .withFailMessage("limited(10 pending tasks, 3) returned %s: return at once a future that completes when"
                        + " every task has", call.value())
                .isTrue();
        tasks.awaitStarted(3, "limited(10 pending tasks, 3)");
        tasks.assertStartedStays(3, "limited(10 pending tasks, 3), no task having ended yet (start at most limit"
                + " tasks: asyncio.Semaphore(3) lets three in)");
    }

    @Test
    @DisplayName("limited starts a new task as soon as one ends, never in fixed batches")
    @Tag("core")
    void startsTheNextAsSoonAsOneEnds() {
        var tasks = new Tasks(10);
        var all = Limits.limited(tasks.suppliers, 3);
        tasks.awaitStarted(3, "limited(10 tasks, 3)");
        tasks.stages.get(tasks.started.get(1)).complete(1);
        tasks.awaitStarted(4, "limited(10 tasks, 3) once one of its 3 running tasks had ended (the next must start"
                + " at once, not when the whole batch is over)");
        tasks.assertStartedStays(4, "limited(10 tasks, 3) once one of its 3 running tasks had ended");
        tasks.stages.get(tasks.started.get(0)).complete(0);
        tasks.awaitStarted(5, "limited(10 tasks, 3) once a second task had ended");
        assertThat(all.isDone()).withFailMessage("limited completed while tasks were still running").isFalse();
    }

    @Test
    @DisplayName("limited never runs more than limit tasks at once, whatever order they end in")
    void neverExceedsTheLimit() {
        int n = 300;
        int limit = 7;
        var inFlight = new AtomicInteger();
        var peak = new AtomicInteger();
        var stages = IntStream.range(0, n).mapToObj(i -> new CompletableFuture<Integer>()).toList();
        var running = new CopyOnWriteArrayList<Integer>();
        var suppliers = IntStream.range(0, n).<Supplier<CompletableFuture<Integer>>>mapToObj(i -> () -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            running.add(i);
            return stages.get(i);
        }).toList();
        var all = Limits.limited(suppliers, limit);
        var random = new Random(7);
        long start = System.nanoTime();
        for (int done = 0; done < n && secondsSince(start) < 5; ) {
            if (running.isEmpty()) {
                Thread.onSpinWait();
                continue;
            }
            Integer i = running.remove(random.nextInt(running.size()));
            inFlight.decrementAndGet();
            stages.get(i).complete(i);
            done++;
        }
        var results = result(all, 2, "limited(300 tasks, 7)");
        assertThat(peak.get())
                .withFailMessage("limited(300 tasks, 7) ran %d tasks at once: at most limit at a time", peak.get())
                .isLessThanOrEqualTo(limit);
        assertThat(peak.get())
                .withFailMessage("limited(300 tasks, 7) never ran more than %d tasks at once: with 300 tasks, keep all 7"
                        + " slots busy", peak.get())
                .isEqualTo(limit);
        assertThat(results).withFailMessage("limited(300 tasks, 7) gave %d results", results.size()).hasSize(n);
    }

    @Test
    @DisplayName("limited gives the results in the order the tasks completed")
    void givesCompletionOrder() {
        var tasks = new Tasks(5);
        var all = Limits.limited(tasks.suppliers, 5);
        tasks.awaitStarted(5, "limited(5 tasks, 5)");
        var order = List.of(3, 1, 4, 0, 2);
        order.forEach(i -> tasks.stages.get(i).complete(i * 10));
        var results = result(all, 1, "limited(5 tasks, 5)");
        assertThat(results)
                .withFailMessage("limited of 5 tasks completed in the order %s gave %s: give the results as the tasks"
                        + " complete", order, results)
                .isEqualTo(order.stream().map(i -> i * 10).toList());
    }

    @Test
    @DisplayName("limited fails at once when a task fails, unwrapped, and starts no further task")
    void failsFastAndStartsNoMore() {
        var tasks = new Tasks(5);
        var derived = new ArrayList<Supplier<CompletionStage<Integer>>>();
        tasks.suppliers.forEach(s -> derived.add(() -> s.get().thenApply(v -> v)));
        var all = Limits.limited(derived, 2);
        tasks.awaitStarted(2, "limited(5 tasks, 2)");
        var cause = new IllegalStateException("a task failed (thrown by the test)");
        tasks.stages.get(tasks.started.getFirst()).completeExceptionally(cause);
        var failure = failure(all, "limited(5 tasks, 2), one of which failed", "fail it at once with that failure");
        assertThat(failure)
                .withFailMessage("limited failed with %s, not with the task's own exception %s: unwrap the"
                        + " CompletionException a derived stage carries", failure, cause)
                .isSameAs(cause);
        tasks.stages.get(tasks.started.get(1)).complete(1);
        tasks.assertStartedStays(2, "limited(5 tasks, 2) after a task had failed and the other had ended (start no"
                + " further task once the result is decided)");
    }

    @Test
    @DisplayName("a supplier that throws or returns null fails limited, not the call, and no further task starts")
    void badSupplierFailsTheResult() {
        var thrown = new IllegalStateException("the supplier threw (thrown by the test)");
        var tasks = new Tasks(3);
        var suppliers = new ArrayList<Supplier<CompletableFuture<Integer>>>(tasks.suppliers);
        suppliers.addFirst(() -> {
            throw thrown;
        });
        CompletableFuture<List<Integer>> all = null;
        try {
            all = Limits.limited(suppliers, 1);
        } catch (IllegalStateException e) {
            fail(("limited threw %s from the call: a task whose supplier throws is a failed task; fail the returned"
                    + " future with it").formatted(e));
        }
        assertThat(failure(all, "limited of a supplier that throws", "fail it with the supplier's exception"))
                .withFailMessage("limited of a supplier that throws did not fail with that exception")
                .isSameAs(thrown);
        tasks.assertStartedStays(0, "limited(a throwing supplier then 3 tasks, 1)");
        var nulls = new ArrayList<Supplier<CompletableFuture<Integer>>>(List.of(() -> null));
        var none = Limits.limited(nulls, 1);
        failure(none, "limited of a supplier that returns null", "a supplier that returns null is a failed task");
    }

    @Test
    @DisplayName("limited of 100000 tasks that complete at once does not overflow the stack")
    void completedTasksDoNotOverflowTheStack() {
        int n = 100_000;
        var suppliers = IntStream.range(0, n).<Supplier<CompletableFuture<Integer>>>mapToObj(i ->
                () -> CompletableFuture.completedFuture(i)).toList();
        for (int limit : List.of(1, 10)) {
            CompletableFuture<List<Integer>> all;
            try {
                all = Blocking.time(() -> Limits.limited(suppliers, limit), 10, "limited(100000 completed tasks, " + limit + ")")
                        .value();
            } catch (StackOverflowError e) {
                all = CompletableFuture.failedFuture(e);
            }
            var outcome = all.handle((list, failure) -> failure).join();
            if (outcome instanceof StackOverflowError) {
                fail("limited(100000 tasks whose stages are already complete, %d) overflowed the stack: a stage that is"
                        + " already complete runs its callback at once, inside the call that starts the next task, which"
                        + " starts the next... Start the next task in a loop, not from inside the callback", limit);
            }
            var results = result(all, 5, "limited(100000 completed tasks, " + limit + ")");
            assertThat(results).withFailMessage("limited(100000 completed tasks, %d) gave %d results", limit, results.size())
                    .hasSize(n);
        }
    }

    @Test
    @DisplayName("limited blocks no thread while tasks wait for a slot")
    void blocksNoThread() {
        var tasks = new Tasks(1_000);
        var started = PlatformThreads.startedDuring(() -> {
            var call = Blocking.time(() -> Limits.limited(tasks.suppliers, 1), 2, "limited(1000 pending tasks, 1)");
            assertThat(call.value()).withFailMessage("limited returned null").isNotNull();
            sleep(0.2);
        });
        assertThat(started)
                .withFailMessage("while 999 tasks waited for a slot, limited held %d more platform threads: a task"
                        + " waiting for a slot is a count, not a thread blocked in Semaphore.acquire", started)
                .isLessThan(100);
    }

    @Test
    @DisplayName("cancelling limited's future starts no further task")
    void cancelStartsNoMore() {
        var tasks = new Tasks(5);
        var all = Limits.limited(tasks.suppliers, 2);
        tasks.awaitStarted(2, "limited(5 tasks, 2)");
        all.cancel(true);
        tasks.started.forEach(i -> tasks.stages.get(i).complete(i));
        tasks.assertStartedStays(2, "limited(5 tasks, 2) after its future was cancelled and its tasks had ended");
    }

    @Test
    @DisplayName("limited of an empty list gives an empty list at once; limit < 1 and null are rejected at once")
    void edges() {
        var empty = Limits.limited(List.<Supplier<CompletableFuture<Integer>>>of(), 3);
        assertThat(empty.isDone() && !empty.isCompletedExceptionally() && empty.join().isEmpty())
                .withFailMessage("limited(List.of(), 3) returned %s: complete with an empty list at once", empty)
                .isTrue();
        Rejections.assertRejects("limited(tasks, 0)", "limit", 0, "limit must be at least 1: 0",
                () -> Limits.limited(new Tasks(1).suppliers, 0));
        var thrown = catchThrowable(() -> Limits.limited(null, 1));
        assertThat(thrown)
                .withFailMessage("limited(null, 1) threw %s instead of NullPointerException", thrown)
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("waitNLimited(60, 1, 10) takes about n / limit x 0.5 s = 3 s and gives 60 delays")
    void waitNLimitedTakesNOverLimit() {
        long start = System.nanoTime();
        var delays = result(Limits.waitNLimited(60, 1, 10), 10, "waitNLimited(60, 1, 10)");
        double took = secondsSince(start);
        assertThat(delays).withFailMessage("waitNLimited(60, 1, 10) gave %d delays", delays.size()).hasSize(60);
        assertThat(took)
                .withFailMessage("waitNLimited(60, 1, 10) took %s s: 60 waits of 0.5 s on average, 10 at a time, take"
                        + " about 60 / 10 x 0.5 = 3 s (Little's law); %s", format(took), took < 2
                        ? "it ran more than 10 at once" : "it ran fewer than 10 at once, or waited between waits")
                .isBetween(2.0, 6.0);
    }

    @Test
    @DisplayName("waitNLimited rejects a negative n or maxDelay and a limit below 1 at once")
    void waitNLimitedRejectsBadArguments() {
        Rejections.assertRejects("waitNLimited(-1, 1, 1)", "n", -1, "n must not be negative: -1",
                () -> Limits.waitNLimited(-1, 1, 1));
        Rejections.assertRejects("waitNLimited(0, -1, 1)", "maxDelay", -1, "maxDelay must not be negative: -1",
                () -> Limits.waitNLimited(0, -1, 1));
        Rejections.assertRejects("waitNLimited(1, 1, 0)", "limit", 0, "limit must be at least 1: 0",
                () -> Limits.waitNLimited(1, 1, 0));
    }

    @Test
    @DisplayName("Limits uses only the APIs a workbook task may use")
    void usesOnlyAllowedApis() {
        // The check reads the compiled class; a call first makes sure it reads code that runs.
        Limits.limited(Collections.nCopies(3, () -> CompletableFuture.completedFuture(1)), 1).join();
        StudentCode.of(Limits.class).assertOnlyAllowedApis();
    }
}
