package workbook.task1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.parallel.ResourceAccessMode.READ;
import static workbook.testkit.Timing.await;
import static workbook.testkit.Timing.secondsSince;
import static workbook.testkit.WaitNContract.CPU;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import workbook.task0.BasicAsyncSyntax;
import workbook.testkit.StudentCode;
import workbook.testkit.WaitNContract;

/**
 * Graded tests of Task 1. The order of {@code inCompletionOrder} is checked exactly, with futures
 * the tests complete themselves; {@code waitN} runs on real timers, whose order is ascending only
 * up to the time it took to start them (see {@link WaitNContract#completesInOrder()}). Tests that
 * keep many threads busy lock the {@link WaitNContract#CPU} resource, so that they never run
 * alongside the tests that read the order and timing of the 1 000 shared waits.
 */
@Tag("task:1")
@DisplayName("Task 1: waitN and inCompletionOrder")
class ConcurrentCoroutinesTest {

    private static final WaitNContract WAIT_N = new WaitNContract("waitN", ConcurrentCoroutines::waitN,
            () -> BasicAsyncSyntax.waitRandom(0));

    /** Eight stages: their values in list order, and the order in which the tests complete them. */
    private static final List<Integer> VALUES = List.of(50, 20, 80, 10, 70, 30, 60, 40);
    private static final List<Integer> COMPLETION_ORDER = List.of(2, 0, 5, 7, 1, 3, 6, 4);

    @Test
    @Order(12)
    @DisplayName("waitN(100, 1) returns at once, before its waits are over")
    @ResourceLock(CPU)
    void waitNReturnsAtOnce() {
        WAIT_N.returnsAtOnce();
    }

    @Test
    @Order(11)
    @DisplayName("waitN(1000, 1) runs all waits at the same time: done in about 1 second, not the sum of the delays")
    @Tag("core")
    @ResourceLock(value = CPU, mode = READ)
    void waitNRunsConcurrently() {
        WAIT_N.runsConcurrently();
    }

    @Test
    @Order(14)
    @DisplayName("waitN(1000, 1) gives its delays in the order the waits complete: ascending")
    @Tag("core")
    @ResourceLock(value = CPU, mode = READ)
    void waitNGivesCompletionOrder() {
        WAIT_N.completesInOrder();
    }

    @Test
    @Order(13)
    @DisplayName("waitN(1000, 1) completes once every wait has finished, with 1000 delays in [0, 1]")
    @ResourceLock(value = CPU, mode = READ)
    void waitNWaitsForEveryWait() {
        WAIT_N.waitsForEveryWait();
    }

    @Test
    @Order(16)
    @DisplayName("waitN(10000, 0) completes at once with 10000 zeros: no result is lost")
    @ResourceLock(CPU)
    void waitNLosesNoResult() {
        WAIT_N.losesNoResult();
    }

    @Test
    @Order(15)
    @DisplayName("waitN(0, 1) returns an empty list")
    void waitNOfZero() {
        WAIT_N.givesEmptyListForZero();
    }

    @Test
    @Order(1)
    @DisplayName("waitN(-1, 1) throws IllegalArgumentException naming n and its value")
    void waitNRejectsNegativeN() {
        WAIT_N.rejectsNegativeN();
    }

    @Test
    @Order(2)
    @DisplayName("waitN(1, -1) and waitN(0, -1) throw IllegalArgumentException naming maxDelay and its value")
    void waitNRejectsNegativeMaxDelay() {
        WAIT_N.rejectsNegativeMaxDelay();
    }

    @Test
    @Order(17)
    @DisplayName("waitN does not sort: ConcurrentCoroutines uses no sort method and no sorted collection")
    void waitNDoesNotSort() {
        WAIT_N.doesNotSort(ConcurrentCoroutines.class);
    }

    @Test
    @Order(6)
    @DisplayName("inCompletionOrder lists results in the order the stages completed, not list or sorted order")
    @Tag("core")
    void inCompletionOrderOnOneThread() {
        var stages = pending(VALUES.size());
        var all = ConcurrentCoroutines.inCompletionOrder(stages);
        var expected = new ArrayList<Integer>();
        for (int i : COMPLETION_ORDER) {
            stages.get(i).complete(VALUES.get(i));
            expected.add(VALUES.get(i));
        }
        var results = await(all, 1, "inCompletionOrder of stages that have all completed");
        assertOrder(results, expected, VALUES, "");
    }

    @Test
    @Order(9)
    @DisplayName("inCompletionOrder keeps completion order when the stages complete on different threads")
    @ResourceLock(CPU)
    void inCompletionOrderAcrossThreads() {
        int n = 1_000;
        var values = permutation(n, 1);
        var order = permutation(n, 2);
        var stages = pending(n);
        var all = ConcurrentCoroutines.inCompletionOrder(stages);
        // Four threads take turns: step k completes stage order[k] on thread k % 4 once step k - 1 is
        // done, so the completion order is known exactly although every stage completes elsewhere.
        var turns = IntStream.range(0, n).mapToObj(k -> new Semaphore(0)).toList();
        turns.getFirst().release();
        try (var threads = Executors.newFixedThreadPool(4)) {
            for (int t = 0; t < 4; t++) {
                int first = t;
                threads.execute(() -> {
                    for (int k = first; k < n; k += 4) {
                        turns.get(k).acquireUninterruptibly();
                        stages.get(order.get(k)).complete(values.get(order.get(k)));
                        if (k + 1 < n) {
                            turns.get(k + 1).release();
                        }
                    }
                });
            }
        }
        var expected = order.stream().map(values::get).toList();
        var results = await(all, 1, "inCompletionOrder of " + n + " stages that have all completed");
        assertOrder(results, expected, values, " on four threads in turn");
    }

    @Test
    @Order(10)
    @DisplayName("inCompletionOrder loses no result when 10000 stages complete at once on 16 threads")
    @ResourceLock(CPU)
    void inCompletionOrderLosesNothing() {
        int n = 10_000;
        int threadCount = 16;
        // Two threads rarely collide on the same instruction: a race that loses results shows up
        // only now and then, so rounds of 10 000 are repeated for a second to catch it.
        long start = System.nanoTime();
        int round = 0;
        do {
            // Fresh threads every round: they collide far more often than warmed-up ones.
            try (var threads = Executors.newFixedThreadPool(threadCount)) {
                assertNothingLost(n, threads, threadCount, ++round);
            }
        } while (secondsSince(start) < 1);
    }

    @Test
    @Order(5)
    @DisplayName("inCompletionOrder completes only once every stage has completed")
    void inCompletionOrderWaitsForEveryStage() {
        var stages = pending(VALUES.size());
        var all = ConcurrentCoroutines.inCompletionOrder(stages);
        for (int i : COMPLETION_ORDER.subList(0, VALUES.size() - 1)) {
            stages.get(i).complete(VALUES.get(i));
        }
        try {
            var early = all.get(100, TimeUnit.MILLISECONDS);
            fail("inCompletionOrder completed with %s while one stage was still pending: complete the returned future"
                    + " only when the last stage has completed", early);
        } catch (TimeoutException expected) {
            // still pending, as it should be
        } catch (ExecutionException | InterruptedException e) {
            fail("inCompletionOrder of stages that all succeeded completed exceptionally with %s".formatted(e), e);
        }
        int last = COMPLETION_ORDER.getLast();
        stages.get(last).complete(VALUES.get(last));
        var results = await(all, 1, "inCompletionOrder once its last stage completed");
        assertThat(results)
                .withFailMessage("inCompletionOrder gave %s once every stage had completed: expected all %d results",
                        results, VALUES.size())
                .hasSize(VALUES.size());
    }

    @Test
    @Order(8)
    @DisplayName("inCompletionOrder fails as soon as a stage fails, with that stage's exception")
    void inCompletionOrderFailsFast() {
        var stages = pending(3);
        var all = ConcurrentCoroutines.inCompletionOrder(stages);
        var failure = new IllegalStateException("stage 1 failed (thrown by the test)");
        stages.get(0).complete(1);
        stages.get(1).completeExceptionally(failure);
        try {
            var results = all.get(1, TimeUnit.SECONDS);
            fail("inCompletionOrder completed normally with %s although a stage had failed: fail the returned future"
                    + " with the stage's exception", results);
        } catch (ExecutionException e) {
            assertThat(causes(e))
                    .withFailMessage("inCompletionOrder failed with %s, not with the exception of the stage that"
                            + " failed (%s): pass that exception on, e.g. completeExceptionally(failure)",
                            e.getCause(), failure)
                    .contains(failure);
        } catch (TimeoutException e) {
            stages.get(2).complete(3);
            var outcome = all.handle((results, later) -> later == null ? "completed normally with " + results
                    : "failed only then").completeOnTimeout("still had not completed", 1, TimeUnit.SECONDS).join();
            fail("inCompletionOrder had not failed 1 s after a stage failed while another stage was still pending;"
                    + " once that stage completed too, it %s: fail the returned future as soon as a stage fails,"
                    + " without waiting for the others", outcome);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for inCompletionOrder", e);
        }
    }

    @Test
    @Order(7)
    @DisplayName("inCompletionOrder has the results of stages that completed before it was called")
    void inCompletionOrderOfCompletedStages() {
        var stages = VALUES.stream().map(CompletableFuture::completedFuture).toList();
        var results = await(ConcurrentCoroutines.inCompletionOrder(stages), 1,
                "inCompletionOrder of stages that had all completed before the call");
        assertThat(results)
                .withFailMessage("inCompletionOrder of stages that had all completed before the call gave %s instead"
                        + " of their %d results: a callback registered on a completed stage runs at once, so collect"
                        + " each result in its own stage's callback, and complete only when all %d are in",
                        results, VALUES.size(), VALUES.size())
                .containsExactlyInAnyOrderElementsOf(VALUES);
    }

    @Test
    @Order(4)
    @DisplayName("inCompletionOrder of an empty list returns an already completed empty list")
    void inCompletionOrderOfNothing() {
        var all = ConcurrentCoroutines.inCompletionOrder(List.<CompletableFuture<Integer>>of());
        assertThat(all.isDone() && !all.isCompletedExceptionally() && all.join().isEmpty())
                .withFailMessage("inCompletionOrder(List.of()) returned %s: with no stage to wait for, return"
                        + " CompletableFuture.completedFuture(List.of())", all)
                .isTrue();
    }

    @Test
    @Order(3)
    @DisplayName("inCompletionOrder(null) throws NullPointerException")
    void inCompletionOrderRejectsNull() {
        var thrown = catchThrowable(() -> ConcurrentCoroutines.inCompletionOrder(null));
        assertThat(thrown)
                .withFailMessage("inCompletionOrder(null) %s instead of throwing NullPointerException: check the"
                        + " argument first, e.g. Objects.requireNonNull(stages, \"stages\")",
                        thrown == null ? "returned" : "threw " + thrown)
                .isInstanceOf(NullPointerException.class);
    }

    /** Completes {@code n} stages at once on {@code threadCount} threads and asserts that inCompletionOrder has them all. */
    private static void assertNothingLost(int n, ExecutorService threads, int threadCount, int round) {
        var stages = pending(n);
        var all = ConcurrentCoroutines.inCompletionOrder(stages);
        var go = new CompletableFuture<Void>();
        var done = IntStream.range(0, threadCount).mapToObj(first -> CompletableFuture.runAsync(() -> {
            go.join();
            for (int i = first; i < n; i += threadCount) {
                stages.get(i).complete(i);
            }
        }, threads)).toArray(CompletableFuture[]::new);
        go.complete(null);
        await(CompletableFuture.allOf(done), 5, "the test's " + threadCount + " threads completing " + n + " stages");
        var what = "inCompletionOrder of %d stages completed at once on %d threads (round %d)".formatted(n, threadCount, round);
        List<Integer> results;
        try {
            results = all.get(3, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            results = fail("%s had not completed 3 s after the last stage: results were lost on the way (a count that"
                    + " never reaches n, or a callback that threw, e.g. ArrayList.add from many threads at once);"
                    + " collect them in a thread-safe structure", what);
        } catch (ExecutionException e) {
            results = fail("%s completed exceptionally with %s although every stage succeeded".formatted(what,
                    e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            results = fail("interrupted while waiting for " + what, e);
        }
        var distinct = new HashSet<>(results);
        assertThat(results.size() == n && distinct.size() == n && !distinct.contains(null))
                .withFailMessage("%s gave %d results, %d of them distinct: results were lost or overwritten when"
                        + " several stages completed at the same moment; collect them in a thread-safe structure (an"
                        + " atomic counter for the slot, a concurrent queue, or a lock)", what, results.size(),
                        distinct.size())
                .isTrue();
    }

    /**
     * Asserts that {@code results} is {@code expected}, the completion order; says so when it is
     * sorted or in list order instead.
     */
    private static void assertOrder(List<Integer> results, List<Integer> expected, List<Integer> listOrder, String how) {
        if (results.equals(expected)) {
            return;
        }
        var sorted = new ArrayList<>(expected);
        Collections.sort(sorted);
        int at = IntStream.range(0, Math.min(results.size(), expected.size()))
                .filter(i -> !results.get(i).equals(expected.get(i))).findFirst().orElse(Math.min(results.size(), expected.size()));
        String mistake = results.equals(sorted) ? "they were sorted; keep them in the order the stages completed"
                : results.equals(listOrder) ? "they were in the list's order; add each result when its stage completes"
                : results.size() != expected.size() ? "some were lost or added twice"
                : "add each result when its stage completes (in whenComplete, not in an async callback)";
        fail("inCompletionOrder of stages completed%s gave results that differ from the completion order from"
                + " position %d on (%s instead of %s): %s", how, at, excerpt(results, at), excerpt(expected, at), mistake);
    }

    /** Returns up to eight elements of {@code list} from {@code from} on, for a failure message. */
    private static String excerpt(List<Integer> list, int from) {
        int to = Math.min(list.size(), from + 8);
        return (from > 0 ? "[..., " : "[") + String.join(", ", list.subList(Math.min(from, to), to).stream()
                .map(String::valueOf).toList()) + (to < list.size() ? ", ...]" : "]");
    }

    /** Returns {@code n} futures that nobody has completed yet. */
    private static List<CompletableFuture<Integer>> pending(int n) {
        return IntStream.range(0, n).mapToObj(i -> new CompletableFuture<Integer>()).toList();
    }

    /** Returns the numbers 0 to n - 1 in a fixed pseudo-random order. */
    private static List<Integer> permutation(int n, long seed) {
        var numbers = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        Collections.shuffle(numbers, new Random(seed));
        return List.copyOf(numbers);
    }

    /** Returns {@code e} and its causes, outermost first. */
    private static List<Throwable> causes(Throwable e) {
        var chain = new ArrayList<Throwable>();
        for (var t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    @Test
    @Order(18)
    @DisplayName("ConcurrentCoroutines uses only the APIs a workbook task may use")
    void usesOnlyAllowedApis() {
        // The check reads the compiled class; a call first makes sure it reads code that runs.
        ConcurrentCoroutines.waitN(1, 0).join();
        StudentCode.of(ConcurrentCoroutines.class).assertOnlyAllowedApis();
    }
}
