package workbook.task6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;
import static workbook.testkit.Timing.format;
import static workbook.testkit.Timing.secondsSince;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.testkit.Blocking;
import workbook.testkit.StudentCode;

/**
 * Graded tests of Task 6. The futures are the test's own: it completes them, fails them or leaves
 * them pending. Real time passes only where time is the subject, in cut-offs of a few tenths of a
 * second, with generous bounds on how late they may come.
 */
@Tag("task:6")
@DisplayName("Task 6: withTimeout, completedWithin and waitNWithin")
class TimeoutsTest {

    private static final Duration LONG = Duration.ofSeconds(30);
    private static final Duration CUT_OFF = Duration.ofMillis(300);

    private static List<CompletableFuture<Integer>> pending(int n) {
        return IntStream.range(0, n).mapToObj(i -> new CompletableFuture<Integer>()).toList();
    }

    /** How a future ended, as {@code handle} sees it: the value, or the very exception it holds. */
    private record Ended<T>(T value, Throwable failure, double after) {
    }

    /** Waits at most {@code seconds} for {@code future}; returns how it ended and when, counted from {@code start}. */
    private static <T> Ended<T> ended(CompletableFuture<T> future, long start, double seconds, String call) {
        var seen = future.handle((value, failure) -> new Ended<>(value, failure, secondsSince(start)));
        try {
            return seen.get(Math.round(seconds * 1e9), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return fail("%s had not completed %s s after the call: %s", call, format(seconds),
                    "complete it as soon as its outcome is known, with a JDK timer for the timeout");
        } catch (ExecutionException e) {
            return fail("%s could not be read: %s", call, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for " + call, e);
        }
    }

    private static List<String> states(List<? extends CompletableFuture<?>> futures) {
        return futures.stream().map(f -> f.isCancelled() ? "cancelled" : f.isDone() ? "done" : "pending").toList();
    }

    /** Asserts that {@code call} throws {@code type} at once, with a message that names {@code argument}. */
    private static void assertRejects(String call, Class<? extends Exception> type, String argument, Supplier<?> code) {
        var thrown = catchThrowable(code::get);
        if (thrown instanceof UnsupportedOperationException notDone) {
            throw notDone;
        }
        assertThat(thrown)
                .withFailMessage("%s %s instead of throwing %s at once: check %s before anything else", call,
                        thrown == null ? "returned" : "threw " + thrown, type.getSimpleName(), argument)
                .isInstanceOf(type);
        assertThat(String.valueOf(thrown.getMessage()))
                .withFailMessage("%s threw %s(\"%s\"), which does not name %s: e.g. %s", call, type.getSimpleName(),
                        thrown.getMessage(), argument, type == NullPointerException.class
                                ? "Objects.requireNonNull(%s, \"%s\")".formatted(argument, argument)
                                : "\"%s must not be negative: -1\"".formatted(argument))
                .contains(argument);
    }

    @Test
    @DisplayName("withTimeout returns at once and completes with the source's value when it comes in time")
    void withTimeoutPassesTheValueOn() {
        var source = new CompletableFuture<String>();
        var call = Blocking.time(() -> Timeouts.withTimeout(source, LONG), 2, "withTimeout(a pending future, 30 s)");
        assertThat(call.value() != null && !call.value().isDone())
                .withFailMessage("withTimeout(a pending future, 30 s) returned %s: return at once a future that is"
                        + " still pending, without waiting (no get(timeout) on the caller's thread)", call.value())
                .isTrue();
        source.complete("in time");
        var end = ended(call.value(), System.nanoTime(), 1, "withTimeout(a future that then completed, 30 s)");
        assertThat(end.value())
                .withFailMessage("withTimeout gave %s for a source that completed with \"in time\"",
                        end.failure() == null ? end.value() : end.failure())
                .isEqualTo("in time");
    }

    @Test
    @DisplayName("withTimeout fails with TimeoutException once the timeout passes first")
    @Tag("core")
    void withTimeoutTimesOut() {
        long start = System.nanoTime();
        var end = ended(Timeouts.withTimeout(new CompletableFuture<String>(), Duration.ofMillis(100)), start, 3,
                "withTimeout(a future that never completes, 100 ms)");
        assertThat(end.failure())
                .withFailMessage("withTimeout(a future that never completes, 100 ms) ended with %s after %s s: fail it"
                        + " with a TimeoutException once the timeout has passed",
                        end.failure() == null ? "the value " + end.value() : end.failure(), format(end.after()))
                .isInstanceOf(TimeoutException.class);
        assertThat(end.after())
                .withFailMessage("withTimeout(..., 100 ms) timed out after only %s s: count the timeout in its own unit"
                        + " (Duration.toNanos() with TimeUnit.NANOSECONDS)", format(end.after()))
                .isGreaterThanOrEqualTo(0.09);
    }

    @Test
    @DisplayName("withTimeout cancels the source on timeout, before its own future fails")
    @Tag("core")
    void withTimeoutCancelsTheSource() {
        var source = new CompletableFuture<String>();
        var result = Timeouts.withTimeout(source, Duration.ofMillis(100));
        var seen = ended(result.handle((value, failure) -> states(List.of(source)).getFirst()), System.nanoTime(), 3,
                "withTimeout(a future that never completes, 100 ms)");
        assertThat(seen.value())
                .withFailMessage("when withTimeout's future failed, its source was %s: cancel the source (source.cancel"
                        + "(true)) before failing the result, as asyncio.wait_for cancels its task; cancelling a"
                        + " future made from it, or letting orTimeout fail the source itself, does not cancel it",
                        seen.value())
                .isEqualTo("cancelled");
    }

    @Test
    @DisplayName("withTimeout passes the source's failure on, unwrapped from CompletionException")
    void withTimeoutPassesFailuresOn() {
        var base = new CompletableFuture<String>();
        var source = base.thenApply(s -> s);
        var result = Timeouts.withTimeout(source, LONG);
        var cause = new IllegalStateException("the source failed (thrown by the test)");
        base.completeExceptionally(cause);
        var end = ended(result, System.nanoTime(), 1, "withTimeout(a future that failed, 30 s)");
        assertThat(end.failure())
                .withFailMessage("withTimeout of a source that failed with %s ended with %s: pass the exception on,"
                        + " unwrapped from the CompletionException a derived future carries", cause,
                        end.failure() == null ? "the value " + end.value() : end.failure())
                .isSameAs(cause);
    }

    @Test
    @DisplayName("cancelling withTimeout's future cancels the source")
    void withTimeoutCancelledByCaller() {
        var source = new CompletableFuture<String>();
        Timeouts.withTimeout(source, LONG).cancel(true);
        assertThat(source.isCancelled())
                .withFailMessage("after cancelling withTimeout's future, its source was %s: cancelling a"
                        + " CompletableFuture never reaches the one it was made from; cancel the source yourself when"
                        + " the result is cancelled", states(List.of(source)).getFirst())
                .isTrue();
    }

    @Test
    @DisplayName("withTimeout rejects a null future or timeout and a negative timeout at once")
    void withTimeoutRejectsBadArguments() {
        assertRejects("withTimeout(null, 1 s)", NullPointerException.class, "future",
                () -> Timeouts.withTimeout(null, Duration.ofSeconds(1)));
        assertRejects("withTimeout(future, null)", NullPointerException.class, "timeout",
                () -> Timeouts.withTimeout(new CompletableFuture<>(), null));
        assertRejects("withTimeout(future, -1 s)", IllegalArgumentException.class, "timeout",
                () -> Timeouts.withTimeout(new CompletableFuture<>(), Duration.ofSeconds(-1)));
    }

    @Test
    @DisplayName("completedWithin gives the results done within the timeout, in completion order")
    @Tag("core")
    void completedWithinKeepsCompletionOrder() {
        var futures = pending(4);
        long start = System.nanoTime();
        var result = Timeouts.completedWithin(futures, CUT_OFF);
        futures.get(2).complete(30);
        futures.get(0).complete(10);
        var end = ended(result, start, 3, "completedWithin(4 futures, 300 ms)");
        assertThat(end.value())
                .withFailMessage("completedWithin of 4 futures, of which future 2 (30) then future 0 (10) completed"
                        + " within 300 ms, gave %s: the results of the futures done by the cut-off, in the order they"
                        + " completed", end.failure() == null ? end.value() : end.failure())
                .isEqualTo(List.of(30, 10));
        assertThat(end.after())
                .withFailMessage("completedWithin(..., 300 ms) completed after %s s, with futures still pending: wait"
                        + " until the timeout before you give the results", format(end.after()))
                .isGreaterThanOrEqualTo(0.28);
    }

    @Test
    @DisplayName("completedWithin cancels every future still pending at the cut-off, before it completes")
    @Tag("core")
    void completedWithinCancelsThePending() {
        var futures = pending(3);
        futures.get(1).complete(20);
        var result = Timeouts.completedWithin(futures, CUT_OFF);
        var seen = ended(result.handle((value, failure) -> states(futures)), System.nanoTime(), 3,
                "completedWithin(3 futures, 300 ms)");
        assertThat(seen.value())
                .withFailMessage("when completedWithin's future completed, its futures were %s: cancel every future"
                        + " still pending at the cut-off, then complete (asyncio.wait leaves them running; here you"
                        + " cancel them, as task.cancel() would)", seen.value())
                .isEqualTo(List.of("cancelled", "done", "cancelled"));
    }

    @Test
    @DisplayName("completedWithin completes as soon as every future is done, long before its timeout")
    void completedWithinEndsEarly() {
        var futures = pending(3);
        long start = System.nanoTime();
        var result = Timeouts.completedWithin(futures, LONG);
        futures.get(1).complete(2);
        futures.get(0).complete(1);
        futures.get(2).complete(3);
        var end = ended(result, start, 2, "completedWithin(3 futures that all completed, 30 s)");
        assertThat(end.value())
                .withFailMessage("completedWithin of 3 futures that all completed gave %s",
                        end.failure() == null ? end.value() : end.failure())
                .isEqualTo(List.of(2, 1, 3));
    }

    @Test
    @DisplayName("completedWithin fails at once with a future's failure, unwrapped, and cancels the pending futures")
    void completedWithinFailsFast() {
        var futures = pending(3);
        var base = new CompletableFuture<Integer>();
        var all = List.of(futures.get(0), base.thenApply(v -> v), futures.get(2));
        var result = Timeouts.completedWithin(all, LONG);
        var cause = new IllegalStateException("future 1 failed (thrown by the test)");
        base.completeExceptionally(cause);
        var seen = ended(result.handle((value, failure) -> failure + " | " + states(List.of(all.get(0), all.get(2)))),
                System.nanoTime(), 2,
                "completedWithin(3 futures, one of which failed, 30 s)");
        assertThat(seen.value())
                .withFailMessage("completedWithin of 3 futures, one of which failed with %s, ended with %s [pending"
                        + " futures then]: a failure is not a result; fail at once with it, unwrapped from"
                        + " CompletionException, after cancelling the pending futures", cause, seen.value())
                .isEqualTo(cause + " | [cancelled, cancelled]");
    }

    @Test
    @DisplayName("completedWithin takes futures already done first, in the list's order")
    void completedWithinTakesDoneFuturesInListOrder() {
        var futures = List.of(CompletableFuture.completedFuture(5), new CompletableFuture<Integer>(),
                CompletableFuture.completedFuture(6), CompletableFuture.completedFuture(7));
        var end = ended(Timeouts.completedWithin(futures, Duration.ofMillis(100)), System.nanoTime(), 3,
                "completedWithin(3 completed futures and a pending one, 100 ms)");
        assertThat(end.value())
                .withFailMessage("completedWithin of futures with 5, (pending), 6, 7 gave %s: futures already done when"
                        + " it is called come first, in the list's order", end.failure() == null ? end.value() : end.failure())
                .isEqualTo(List.of(5, 6, 7));
    }

    @Test
    @DisplayName("completedWithin takes its results once, at the cut-off: nothing is added afterwards")
    void completedWithinTakesResultsOnce() {
        var futures = pending(2);
        futures.get(0).complete(1);
        var end = ended(Timeouts.completedWithin(futures, Duration.ofMillis(100)), System.nanoTime(), 3,
                "completedWithin(2 futures, 100 ms)");
        futures.get(1).complete(2);
        var late = CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
        late.join();
        assertThat(end.value())
                .withFailMessage("completedWithin's list was %s 0.1 s after it completed with one result: take the"
                        + " results as of the cut-off, once (a copy), and cancel the pending futures so that nothing"
                        + " comes in later", end.value())
                .isEqualTo(List.of(1));
    }

    @Test
    @DisplayName("cancelling completedWithin's future cancels the futures it was given")
    void completedWithinCancelledByCaller() {
        var futures = pending(3);
        Timeouts.completedWithin(futures, LONG).cancel(true);
        assertThat(states(futures))
                .withFailMessage("after cancelling completedWithin's future, its futures were %s: when the result is"
                        + " cancelled, cancel the futures it was given", states(futures))
                .containsOnly("cancelled");
    }

    @Test
    @DisplayName("completedWithin of an empty list gives an empty list at once; null and negative arguments are rejected at once")
    void completedWithinEdges() {
        var empty = Timeouts.completedWithin(List.<CompletableFuture<Integer>>of(), LONG);
        assertThat(empty.isDone() && !empty.isCompletedExceptionally() && empty.join().isEmpty())
                .withFailMessage("completedWithin(List.of(), 30 s) returned %s: with nothing to wait for, complete"
                        + " with an empty list at once", empty)
                .isTrue();
        assertRejects("completedWithin(null, 1 s)", NullPointerException.class, "futures",
                () -> Timeouts.completedWithin(null, Duration.ofSeconds(1)));
        assertRejects("completedWithin(futures, null)", NullPointerException.class, "timeout",
                () -> Timeouts.completedWithin(List.of(), null));
        assertRejects("completedWithin(futures, -1 s)", IllegalArgumentException.class, "timeout",
                () -> Timeouts.completedWithin(List.of(), Duration.ofSeconds(-1)));
    }

    @Test
    @DisplayName("waitNWithin(1000, 10, 300 ms) completes after about 0.3 s with the delays that ended by then, ascending")
    @Tag("core")
    void waitNWithinCutsOff() {
        long start = System.nanoTime();
        var call = Blocking.time(() -> Timeouts.waitNWithin(1000, 10, CUT_OFF), 2, "waitNWithin(1000, 10, 300 ms)");
        var end = ended(call.value(), start, 3, "waitNWithin(1000, 10, 300 ms)");
        if (end.failure() != null) {
            fail("waitNWithin(1000, 10, 300 ms) failed with %s", end.failure());
        }
        var delays = end.value();
        // A wait starts when it is made, the cut-off once all are made: a wait may end that much after 0.3 s.
        double slack = call.seconds() + 0.02;
        assertThat(end.after())
                .withFailMessage("waitNWithin(1000, 10, 300 ms) completed after %s s: cut the waits off at the"
                        + " timeout (completedWithin), do not wait for them all (that takes up to 10 s)", format(end.after()))
                .isBetween(0.28, 2.5);
        assertThat(delays)
                .withFailMessage("waitNWithin(1000, 10, 300 ms) gave no delay: about 30 of 1000 delays of up to 10 s"
                        + " are under 0.3 s; start every wait with waitRandom(maxDelay), then cut them off")
                .isNotEmpty();
        double max = 0;
        for (double delay : delays) {
            assertThat(delay)
                    .withFailMessage("waitNWithin(1000, 10, 300 ms) gave %s, which came %s s out of completion order"
                            + " (allowed: the %s s it took to start the waits): give the delays as the waits end",
                            delays, format(max - delay), format(slack))
                    .isGreaterThanOrEqualTo(max - slack);
            max = Math.max(max, delay);
        }
        assertThat(max)
                .withFailMessage("waitNWithin(1000, 10, 300 ms) gave a delay of %s s: only waits that ended by the"
                        + " cut-off count", max)
                .isLessThanOrEqualTo(0.3 + slack + 0.2);
    }

    @Test
    @DisplayName("waitNWithin(200, 1, 30 s) completes once every wait is done, about 1 s after the call")
    void waitNWithinEndsEarly() {
        long start = System.nanoTime();
        var end = ended(Timeouts.waitNWithin(200, 1, LONG), start, 4, "waitNWithin(200, 1, 30 s)");
        assertThat(end.value())
                .withFailMessage("waitNWithin(200, 1, 30 s) gave %s: 200 delays in [0, 1], one per wait",
                        end.failure() == null ? end.value() : end.failure())
                .hasSize(200);
        assertThat(end.after())
                .withFailMessage("waitNWithin(200, 1, 30 s) completed after %s s: every wait is over after about 1 s;"
                        + " complete then", format(end.after()))
                .isLessThan(3);
    }

    @Test
    @DisplayName("waitNWithin rejects a negative n, a negative maxDelay, and a null or negative timeout at once")
    void waitNWithinRejectsBadArguments() {
        assertRejects("waitNWithin(-1, 1, 1 s)", IllegalArgumentException.class, "n",
                () -> Timeouts.waitNWithin(-1, 1, Duration.ofSeconds(1)));
        assertRejects("waitNWithin(0, -1, 1 s)", IllegalArgumentException.class, "maxDelay",
                () -> Timeouts.waitNWithin(0, -1, Duration.ofSeconds(1)));
        assertRejects("waitNWithin(1, 1, null)", NullPointerException.class, "timeout",
                () -> Timeouts.waitNWithin(1, 1, null));
        assertRejects("waitNWithin(0, 1, -1 s)", IllegalArgumentException.class, "timeout",
                () -> Timeouts.waitNWithin(0, 1, Duration.ofSeconds(-1)));
    }

    @Test
    @DisplayName("Timeouts uses only the APIs a workbook task may use")
    void usesOnlyAllowedApis() {
        // The check reads the compiled class; a call first makes sure it reads code that runs.
        Timeouts.completedWithin(List.of(CompletableFuture.completedFuture(1)), LONG).join();
        StudentCode.of(Timeouts.class).assertOnlyAllowedApis();
    }
}
