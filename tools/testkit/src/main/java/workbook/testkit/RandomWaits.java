package workbook.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static workbook.testkit.Timing.await;
import static workbook.testkit.Timing.format;
import static workbook.testkit.Timing.secondsSince;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Graded checks of a call that returns one future completed, after a random delay in
 * {@code [0, maxDelay]} seconds, with that delay: Task 0's {@code waitRandom} and Task 3's
 * {@code taskWaitRandom}.
 *
 * <p>Each check takes the call as the student wrote it (e.g. {@code "waitRandom(1)"}), for the
 * failure messages, and a supplier that makes it. Where the cure depends on the task, the check
 * takes it as {@code fix}, the end of its failure message.
 */
public final class RandomWaits {

    private RandomWaits() {
    }

    /**
     * Asserts that 50 calls return within two seconds in all (a few milliseconds is usual), most
     * of their futures still pending: the call neither blocks nor completes its future before
     * returning it.
     */
    public static void assertReturnsAtOnce(String call, Supplier<CompletableFuture<Double>> wait, String fix) {
        int calls = 50;
        warmUp(wait);
        int made = 0;
        int pending = 0;
        long start = System.nanoTime();
        for (; made < calls && secondsSince(start) < 2; made++) {
            pending += wait.get().isDone() ? 0 : 1;
        }
        assertThat(made)
                .withFailMessage("only %d of %d calls of %s returned within %s s: the calls wait for their delay before"
                        + " returning; %s", made, calls, call, format(secondsSince(start)), fix)
                .isEqualTo(calls);
        assertThat(pending)
                .withFailMessage("only %d of %d futures returned by %s were still pending when the call returned: %s",
                        pending, calls, call, fix)
                .isGreaterThanOrEqualTo(calls / 2);
    }

    /**
     * Makes one call and forgets it, so that loading and starting what the call needs (classes,
     * timer and scheduler threads) is not counted against the calls that are timed next.
     */
    public static void warmUp(Supplier<CompletableFuture<Double>> wait) {
        wait.get();
    }

    /**
     * Asserts that each of 50 futures completes after as many seconds as its value, counted from
     * the call that made it, and not much later: the value is the delay waited, in seconds.
     */
    public static void assertCompletesAfterItsDelay(String call, Supplier<CompletableFuture<Double>> wait) {
        int n = 50;
        var started = new long[n];
        var finished = new long[n];
        var next = new AtomicInteger();
        var futures = startAll(call, n, 2, () -> {
            int k = next.getAndIncrement();
            started[k] = System.nanoTime();
            return wait.get().whenComplete((v, e) -> finished[k] = System.nanoTime());
        });
        await(CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)), 5, n + " calls of " + call);
        var lateness = new double[n];
        for (int i = 0; i < n; i++) {
            double value = futures.get(i).join();
            double waited = (finished[i] - started[i]) / 1e9;
            assertThat(waited)
                    .withFailMessage("%s completed with %s but after only %s s: the value must be the delay in seconds"
                            + " (not milliseconds) and the future must complete after that delay", call, value, format(waited))
                    .isGreaterThanOrEqualTo(value - 0.005);
            assertThat(waited)
                    .withFailMessage("%s completed with %s but after %s s: complete the future with the very delay you"
                            + " waited", call, value, format(waited))
                    .isLessThanOrEqualTo(value + 1);
            lateness[i] = waited - value;
        }
        Arrays.sort(lateness);
        // Timers and threads are late by milliseconds on a quiet machine and, now and then, by half a
        // second on a busy one: the bounds leave room for that, the median's not for extra waiting.
        assertThat(lateness[n / 2])
                .withFailMessage("%s completed a median %s s later than the value it returned: complete the future with"
                        + " the very delay you waited", call, format(lateness[n / 2]))
                .isLessThan(0.25);
    }

    /** Asserts that every delay in {@code delays}, made by {@code call}, lies in {@code [0, maxDelay]}. */
    public static void assertInRange(String call, int maxDelay, List<Double> delays) {
        double min = delays.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = delays.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertThat(min >= 0 && max <= maxDelay)
                .withFailMessage("%d calls of %s gave delays from %s to %s: every delay must be in [0, %d]",
                        delays.size(), call, min, max, maxDelay)
                .isTrue();
    }

    /**
     * Asserts that 1 000 calls made at once with a delay of at most one second all complete
     * within about one second: the waits do not queue up for a few threads.
     */
    public static void assertThousandAtOnceTakeOneSecond(String call, Supplier<CompletableFuture<Double>> wait, String fix) {
        long start = System.nanoTime();
        assertAllDoneInAboutOneSecond(call, start, startAll(call, 1_000, 2, wait), fix);
    }

    /**
     * Asserts that {@code futures}, made by calls of at most one second from {@code start} (a
     * reading of {@link System#nanoTime()}) on, all complete within about one second.
     */
    public static void assertAllDoneInAboutOneSecond(String call, long start, List<CompletableFuture<Double>> futures, String fix) {
        int n = futures.size();
        var all = CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
        try {
            await(all, 3, n + " calls of " + call);
        } catch (AssertionError e) {
            long done = futures.stream().filter(CompletableFuture::isDone).count();
            if (done == n) {
                throw e;
            }
            throw new AssertionError("only %d of %d %s started at once had finished after %s s: they queue up for a few"
                    .formatted(done, n, call, format(secondsSince(start))) + " threads; " + fix, e);
        }
        double took = secondsSince(start);
        assertThat(took)
                .withFailMessage("%d %s started at once took %s s to finish: they should all be done after about 1 s,"
                        + " because they wait at the same time", n, call, format(took))
                .isLessThan(2.5);
    }

    /**
     * Makes {@code n} calls one after the other and returns their futures, or fails if making
     * them takes more than {@code limitSeconds}: a call that blocks must fail the test, not hang it.
     */
    public static List<CompletableFuture<Double>> startAll(String call, int n, double limitSeconds,
            Supplier<CompletableFuture<Double>> wait) {
        var futures = new ArrayList<CompletableFuture<Double>>(n);
        long start = System.nanoTime();
        while (futures.size() < n) {
            if (secondsSince(start) > limitSeconds) {
                fail("making %d calls of %s took more than %s s (%d of them had returned): the calls block instead of"
                        + " returning their future at once", n, call, format(limitSeconds), futures.size());
            }
            futures.add(wait.get());
        }
        return futures;
    }
}
