package workbook.task5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.testkit.Blocking;
import workbook.testkit.StudentCode;

/**
 * Graded tests of Task 5. Every future here is one the test completes itself, in an order it
 * chooses: no test waits on a timer, and every order is checked exactly.
 */
@Tag("task:5")
@DisplayName("Task 5: gatherSettled and gatherOrCancel")
class ErrorHandlingTest {

    /** The list's values, and the order in which the test completes the futures: neither sorted nor listed. */
    private static final List<Integer> VALUES = List.of(10, 20, 30, 40);
    private static final List<Integer> COMPLETION_ORDER = List.of(2, 0, 3, 1);

    private static List<CompletableFuture<Integer>> pending(int n) {
        return IntStream.range(0, n).mapToObj(i -> new CompletableFuture<Integer>()).toList();
    }

    /** A failure as a stage built on a failed one sees it: wrapped in a CompletionException. */
    private static CompletableFuture<Integer> failedLikeAStage(RuntimeException cause) {
        return CompletableFuture.<Integer>failedFuture(cause).thenApply(v -> v);
    }

    /** Waits at most {@code seconds} for {@code future}; returns its value, or fails saying what it did instead. */
    private static <T> T result(CompletableFuture<T> future, double seconds, String call) {
        try {
            return future.get(Math.round(seconds * 1e9), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return fail("%s had not completed %s s after everything it waits for had completed: complete the returned"
                    + " future once the last stage is done", call, seconds);
        } catch (ExecutionException | CancellationException e) {
            return fail("%s completed exceptionally with %s", call, e instanceof ExecutionException ? e.getCause() : e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for " + call, e);
        }
    }

    /**
     * Waits at most {@code seconds} for {@code future} to fail; returns the exception it holds, as
     * {@code handle} sees it ({@code get} and {@code join} would unwrap or wrap it).
     */
    private static Throwable failure(CompletableFuture<?> future, double seconds, String call, String why) {
        var outcome = future.handle((value, failure) -> failure == null ? "completed normally with " + value : failure);
        try {
            var seen = outcome.get(Math.round(seconds * 1e9), TimeUnit.NANOSECONDS);
            return seen instanceof Throwable failure ? failure : fail("%s %s: %s", call, seen, why);
        } catch (TimeoutException e) {
            return fail("%s had not failed %s s after a future failed: %s", call, seconds, why);
        } catch (ExecutionException e) {
            return fail("%s could not be read: %s", call, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for " + call, e);
        }
    }

    private static List<Outcome<Integer>> successes(List<Integer> values) {
        return values.stream().<Outcome<Integer>>map(Outcome.Success::new).toList();
    }

    @Test
    @DisplayName("gatherSettled returns at once, before its stages complete")
    void settledReturnsAtOnce() {
        var stages = pending(3);
        var call = Blocking.time(() -> ErrorHandling.gatherSettled(stages), 2, "gatherSettled of three pending stages");
        assertThat(call.value())
                .withFailMessage("gatherSettled of three pending stages returned %s: return a future at once",
                        call.value())
                .isNotNull();
        assertThat(call.value().isDone())
                .withFailMessage("gatherSettled of three pending stages returned a future that was already complete:"
                        + " complete it only once every stage has completed")
                .isFalse();
    }

    @Test
    @DisplayName("gatherSettled gives one outcome per stage, in the list's order, not the order they completed")
    @Tag("core")
    void settledKeepsListOrder() {
        var stages = pending(VALUES.size());
        var all = ErrorHandling.gatherSettled(stages);
        for (int i : COMPLETION_ORDER) {
            stages.get(i).complete(VALUES.get(i));
        }
        var outcomes = result(all, 1, "gatherSettled");
        assertThat(outcomes)
                .withFailMessage("gatherSettled of stages with %s, completed in the order %s, gave %s: give outcome i for"
                        + " stage i, whatever order they complete in (asyncio.gather keeps the list's order too)",
                        VALUES, COMPLETION_ORDER, outcomes)
                .isEqualTo(successes(VALUES));
    }

    @Test
    @DisplayName("gatherSettled keeps a failure as an outcome with the original exception, unwrapped from CompletionException")
    @Tag("core")
    void settledKeepsFailures() {
        var cause = new IllegalStateException("stage 1 failed (thrown by the test)");
        List<CompletableFuture<Integer>> stages = List.of(CompletableFuture.completedFuture(1), failedLikeAStage(cause),
                CompletableFuture.completedFuture(3));
        var outcomes = result(ErrorHandling.gatherSettled(stages), 1, "gatherSettled of a success, a failure and a success");
        assertThat(outcomes).withFailMessage("gatherSettled gave %s for three stages", outcomes).hasSize(3);
        if (!(outcomes.get(1) instanceof Outcome.Failure<Integer>(var got))) {
            fail("gatherSettled gave %s for a failed stage: a stage that failed gives new Outcome.Failure<>(cause)",
                    outcomes.get(1));
            return;
        }
        assertThat(got)
                .withFailMessage("gatherSettled gave Failure(%s) for a stage that failed with %s: a stage built on a"
                        + " failed one sees the failure wrapped in a CompletionException; unwrap it (its getCause())",
                        got, cause)
                .isSameAs(cause);
        assertThat(outcomes.getFirst()).withFailMessage("gatherSettled gave %s for a stage that completed with 1",
                outcomes.getFirst()).isEqualTo(new Outcome.Success<>(1));
    }

    @Test
    @DisplayName("gatherSettled completes only once every stage has completed, failures included")
    void settledWaitsForEveryStage() {
        var stages = pending(3);
        var all = ErrorHandling.gatherSettled(stages);
        stages.get(0).completeExceptionally(new IllegalStateException("stage 0 failed (thrown by the test)"));
        stages.get(2).complete(3);
        assertThat(all.isDone())
                .withFailMessage("gatherSettled was complete (%s) while a stage was still pending: complete it only once"
                        + " the last stage is done; a failure is an outcome, not the end", all)
                .isFalse();
        stages.get(1).complete(2);
        var outcomes = result(all, 1, "gatherSettled");
        assertThat(outcomes).withFailMessage("gatherSettled gave %s", outcomes).hasSize(3);
    }

    @Test
    @DisplayName("gatherSettled never completes exceptionally, not even when every stage fails")
    void settledNeverFails() {
        var causes = List.of(new IllegalStateException("a (thrown by the test)"), new ArithmeticException("b (thrown by the test)"));
        var stages = causes.stream().map(ErrorHandlingTest::failedLikeAStage).toList();
        var all = ErrorHandling.gatherSettled(stages);
        var outcomes = result(all, 1, "gatherSettled of two failed stages");
        assertThat(outcomes)
                .withFailMessage("gatherSettled of two stages that failed with %s gave %s: one Outcome.Failure per stage,"
                        + " each with its stage's exception", causes, outcomes)
                .isEqualTo(causes.stream().<Outcome<Integer>>map(Outcome.Failure::new).toList());
    }

    @Test
    @DisplayName("gatherSettled keeps every outcome in order when 10000 stages complete at once on 16 threads")
    void settledLosesNothing() {
        int n = 10_000;
        var stages = pending(n);
        var all = ErrorHandling.gatherSettled(stages);
        try (var threads = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < n; i++) {
                int k = i;
                threads.execute(() -> {
                    if (k % 3 == 0) {
                        stages.get(k).completeExceptionally(new IllegalStateException(String.valueOf(k)));
                    } else {
                        stages.get(k).complete(k);
                    }
                });
            }
        }
        var outcomes = result(all, 2, "gatherSettled of 10000 stages");
        var wrong = new ArrayList<String>();
        for (int i = 0; i < n && i < outcomes.size() && wrong.size() < 3; i++) {
            var outcome = outcomes.get(i);
            boolean right = i % 3 == 0
                    ? outcome instanceof Outcome.Failure<Integer>(var cause) && String.valueOf(i).equals(cause.getMessage())
                    : new Outcome.Success<>(i).equals(outcome);
            if (!right) {
                wrong.add("at " + i + ": " + outcome);
            }
        }
        assertThat(outcomes.size() == n && wrong.isEmpty())
                .withFailMessage("gatherSettled of %d stages completed on 16 threads gave %d outcomes%s: keep outcome i"
                        + " for stage i, and collect them so that many threads at once lose nothing", n, outcomes.size(),
                        wrong.isEmpty() ? "" : ", wrong " + wrong)
                .isTrue();
    }

    @Test
    @DisplayName("gatherSettled of an empty list completes at once with an empty list; gatherSettled(null) throws NullPointerException")
    void settledEdges() {
        var empty = ErrorHandling.gatherSettled(List.<CompletableFuture<Integer>>of());
        assertThat(empty.isDone() && !empty.isCompletedExceptionally() && empty.join().isEmpty())
                .withFailMessage("gatherSettled(List.of()) returned %s: with nothing to wait for, complete with an empty"
                        + " list at once", empty)
                .isTrue();
        var thrown = catchThrowable(() -> ErrorHandling.gatherSettled(null));
        assertThat(thrown)
                .withFailMessage("gatherSettled(null) threw %s instead of NullPointerException: check the argument first,"
                        + " e.g. Objects.requireNonNull(stages, \"stages\")", thrown)
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("gatherOrCancel gives the results in the list's order when every future succeeds")
    void orCancelKeepsListOrder() {
        var futures = pending(VALUES.size());
        var all = ErrorHandling.gatherOrCancel(futures);
        assertThat(all.isDone())
                .withFailMessage("gatherOrCancel of pending futures returned a completed future: return at once and"
                        + " complete once every future has")
                .isFalse();
        for (int i : COMPLETION_ORDER) {
            futures.get(i).complete(VALUES.get(i));
        }
        var results = result(all, 1, "gatherOrCancel");
        assertThat(results)
                .withFailMessage("gatherOrCancel of futures with %s, completed in the order %s, gave %s: result i is"
                        + " future i's", VALUES, COMPLETION_ORDER, results)
                .isEqualTo(VALUES);
    }

    @Test
    @DisplayName("gatherOrCancel fails at once with the first failure, unwrapped from CompletionException")
    @Tag("core")
    void orCancelFailsFast() {
        var futures = new ArrayList<>(pending(3));
        var cause = new IllegalStateException("future 1 failed (thrown by the test)");
        var source = new CompletableFuture<Integer>();
        futures.set(1, source.thenApply(v -> v));
        var all = ErrorHandling.gatherOrCancel(futures);
        source.completeExceptionally(cause);
        var failure = failure(all, 1, "gatherOrCancel",
                "fail it as soon as one future fails, without waiting for the others");
        assertThat(failure)
                .withFailMessage("gatherOrCancel failed with %s, not with the exception the future failed with (%s): a"
                        + " future built on a failed one sees the failure wrapped in a CompletionException; unwrap it",
                        failure, cause)
                .isSameAs(cause);
    }

    @Test
    @DisplayName("gatherOrCancel cancels every future not yet done when one fails, before it completes")
    @Tag("core")
    void orCancelCancelsTheOthers() {
        var futures = pending(4);
        futures.get(3).complete(40);
        var all = ErrorHandling.gatherOrCancel(futures);
        var seen = all.handle((v, e) -> futures.stream().map(f -> f.isCancelled() ? "cancelled"
                : f.isDone() ? "done" : "pending").toList());
        futures.get(1).completeExceptionally(new IllegalStateException("future 1 failed (thrown by the test)"));
        var states = result(seen, 1, "gatherOrCancel");
        assertThat(states)
                .withFailMessage("when future 1 failed, gatherOrCancel completed while futures 0 to 3 were %s: cancel"
                        + " every future not yet done (futures 0 and 2), then fail the returned future, as a TaskGroup"
                        + " cancels its other tasks", states)
                .isEqualTo(List.of("cancelled", "done", "cancelled", "done"));
        assertThat(futures.get(3).join()).withFailMessage("gatherOrCancel changed a future that had already completed")
                .isEqualTo(40);
    }

    @Test
    @DisplayName("gatherOrCancel fails with the first failure, not with the cancellations it causes or a later failure")
    void orCancelKeepsTheFirstFailure() {
        var futures = pending(3);
        var all = ErrorHandling.gatherOrCancel(futures);
        var first = new IllegalStateException("the first failure (thrown by the test)");
        futures.get(2).completeExceptionally(first);
        futures.get(0).completeExceptionally(new ArithmeticException("a later failure (thrown by the test)"));
        var failure = failure(all, 1, "gatherOrCancel", "fail it with the first failure");
        assertThat(failure)
                .withFailMessage("gatherOrCancel failed with %s, not with the first failure (%s): the futures you cancel"
                        + " fail too (with CancellationException), and so may others later; the first failure decides,"
                        + " e.g. with an AtomicBoolean that only the first one sets", failure, first)
                .isSameAs(first);
    }

    @Test
    @DisplayName("cancelling gatherOrCancel's future cancels the futures it was given")
    void orCancelCancelledByCaller() {
        var futures = pending(3);
        var all = ErrorHandling.gatherOrCancel(futures);
        all.cancel(true);
        var cancelled = futures.stream().filter(CompletableFuture::isCancelled).count();
        assertThat(cancelled)
                .withFailMessage("after cancelling gatherOrCancel's future, %d of its 3 pending futures were cancelled:"
                        + " cancelling a CompletableFuture never reaches the futures it was built from; when the"
                        + " returned future is cancelled, cancel them yourself (whenComplete + isCancelled())", cancelled)
                .isEqualTo(3);
    }

    @Test
    @DisplayName("gatherOrCancel of an empty list completes at once with an empty list; gatherOrCancel(null) throws NullPointerException")
    void orCancelEdges() {
        var empty = ErrorHandling.gatherOrCancel(List.<CompletableFuture<Integer>>of());
        assertThat(empty.isDone() && !empty.isCompletedExceptionally() && empty.join().isEmpty())
                .withFailMessage("gatherOrCancel(List.of()) returned %s: with nothing to wait for, complete with an empty"
                        + " list at once", empty)
                .isTrue();
        var thrown = catchThrowable(() -> ErrorHandling.gatherOrCancel(null));
        assertThat(thrown)
                .withFailMessage("gatherOrCancel(null) threw %s instead of NullPointerException: check the argument"
                        + " first", thrown)
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("ErrorHandling uses only the APIs a workbook task may use")
    void usesOnlyAllowedApis() {
        // The check reads the compiled class; a call first makes sure it reads code that runs.
        ErrorHandling.gatherSettled(List.of(CompletableFuture.completedFuture(1))).join();
        StudentCode.of(ErrorHandling.class).assertOnlyAllowedApis();
    }
}
