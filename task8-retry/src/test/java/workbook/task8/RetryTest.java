package workbook.task8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;
import static workbook.testkit.Timing.format;
import static workbook.testkit.Timing.secondsSince;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
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
 * Graded tests of Task 8. Every attempt is the test's own: it records when and on which thread it
 * was made, and fails or succeeds as the test chooses. Real time passes only in backoffs of a tenth
 * of a second or so, where the spacing of the attempts is the subject, with generous bounds.
 */
@Tag("task:8")
@DisplayName("Task 8: retry")
class RetryTest {

    private static final Duration NO_BACKOFF = Duration.ZERO;

    /** Attempts the test controls: attempt k (from 1) gives {@code outcomes.get(k - 1)}, and each is recorded. */
    private static final class Attempts implements Supplier<CompletionStage<String>> {
        final List<Long> at = new CopyOnWriteArrayList<>();
        final List<Thread> on = new CopyOnWriteArrayList<>();
        final List<Supplier<CompletionStage<String>>> outcomes;

        Attempts(List<Supplier<CompletionStage<String>>> outcomes) {
            this.outcomes = outcomes;
        }

        @Override
        public CompletionStage<String> get() {
            at.add(System.nanoTime());
            on.add(Thread.currentThread());
            return outcomes.get(Math.min(at.size(), outcomes.size()) - 1).get();
        }

        int made() {
            return at.size();
        }
    }

    /** Attempt {@code k} fails, as a stage built on a failed one does: wrapped in a CompletionException. */
    private static Supplier<CompletionStage<String>> failing(int k) {
        return () -> CompletableFuture.<String>failedFuture(new IllegalStateException("attempt " + k + " failed (thrown by the test)"))
                .thenApply(s -> s);
    }

    private static Supplier<CompletionStage<String>> ok(String value) {
        return () -> CompletableFuture.completedFuture(value);
    }

    private static Attempts failingAlways(int n) {
        return new Attempts(IntStream.rangeClosed(1, n).mapToObj(RetryTest::failing).toList());
    }

    /** How a future ended, as {@code handle} sees it: the value, or the very exception it holds. */
    private record Ended(Object value, Throwable failure) {
    }

    private static Ended ended(CompletableFuture<?> future, double seconds, String call) {
        var seen = future.handle((value, failure) -> new Ended(value, failure))
                .completeOnTimeout(null, Math.round(seconds * 1e9), TimeUnit.NANOSECONDS).join();
        return seen != null ? seen : fail("%s had not completed %s s after the call", call, format(seconds));
    }

    private static void sleep(double seconds) {
        CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(Math.round(seconds * 1e9),
                TimeUnit.NANOSECONDS)).join();
    }

    @Test
    @DisplayName("retry makes its first attempt at once, on the caller's thread, and returns at once")
    void firstAttemptAtOnce() {
        var pending = new CompletableFuture<String>();
        var attempts = new Attempts(List.of(() -> pending));
        var caller = new CompletableFuture<Thread>();
        var call = Blocking.time(() -> {
            caller.complete(Thread.currentThread());
            return Retry.retry(attempts, 3, Duration.ofSeconds(1));
        }, 2, "retry(an attempt still pending, 3, 1 s)");
        assertThat(attempts.made())
                .withFailMessage("retry had made %d attempts when it returned: make the first attempt at once, in the"
                        + " call itself (no backoff before it)", attempts.made())
                .isEqualTo(1);
        assertThat(attempts.on.getFirst())
                .withFailMessage("retry made its first attempt on %s, not on the caller's thread: call attempt.get()"
                        + " right in retry", attempts.on.getFirst())
                .isSameAs(caller.join());
        assertThat(call.value() != null && !call.value().isDone())
                .withFailMessage("retry returned %s while its attempt was still pending: return a future that"
                        + " completes when an attempt succeeds", call.value())
                .isTrue();
        pending.complete("done");
        assertThat(ended(call.value(), 1, "retry").value()).isEqualTo("done");
    }

    @Test
    @DisplayName("retry gives the first success, and makes no attempt after it")
    void stopsAtTheFirstSuccess() {
        var attempts = new Attempts(List.of(failing(1), failing(2), ok("third time"), ok("too many")));
        var end = ended(Retry.retry(attempts, 5, NO_BACKOFF), 2, "retry(fails twice then succeeds, 5, 0 s)");
        assertThat(end.value())
                .withFailMessage("retry of an attempt that fails twice, then succeeds gave %s",
                        end.failure() == null ? end.value() : end.failure())
                .isEqualTo("third time");
        sleep(0.1);
        assertThat(attempts.made())
                .withFailMessage("retry made %d attempts for an attempt that succeeded at the third: stop at the first"
                        + " success", attempts.made())
                .isEqualTo(3);
    }

    @Test
    @DisplayName("retry makes at most maxAttempts attempts, then fails with the last failure, unwrapped")
    @Tag("core")
    void failsWithTheLastFailure() {
        var attempts = failingAlways(6);
        var end = ended(Retry.retry(attempts, 4, NO_BACKOFF), 2, "retry(always fails, 4, 0 s)");
        sleep(0.1);
        assertThat(attempts.made())
                .withFailMessage("retry(always fails, 4, 0 s) made %d attempts: exactly maxAttempts, 4, in all",
                        attempts.made())
                .isEqualTo(4);
        assertThat(end.failure())
                .withFailMessage("retry(always fails, 4, 0 s) ended with %s: fail with the last attempt's exception"
                        + " (\"attempt 4 failed\"), unwrapped from the CompletionException a derived stage carries",
                        end.failure() == null ? "the value " + end.value() : end.failure())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("attempt 4 failed");
    }

    @Test
    @DisplayName("retry attaches the earlier failures to the last one as suppressed exceptions, in order")
    void keepsEarlierFailures() {
        var end = ended(Retry.retry(failingAlways(3), 3, NO_BACKOFF), 2, "retry(always fails, 3, 0 s)");
        var suppressed = end.failure() == null ? List.<String>of()
                : Arrays.stream(end.failure().getSuppressed()).map(Throwable::getMessage).toList();
        assertThat(suppressed)
                .withFailMessage("retry(always fails, 3, 0 s) failed with %s, suppressing %s: attach every earlier"
                        + " failure to the last one, in order (last.addSuppressed(earlier)), so nothing is lost",
                        end.failure(), suppressed)
                .containsExactly("attempt 1 failed (thrown by the test)", "attempt 2 failed (thrown by the test)");
    }

    @Test
    @DisplayName("retry waits firstBackoff, then twice that, then four times that between attempts")
    @Tag("core")
    void backsOffExponentially() {
        var attempts = failingAlways(4);
        ended(Retry.retry(attempts, 4, Duration.ofMillis(100)), 5, "retry(always fails, 4, 100 ms)");
        var gaps = IntStream.range(1, attempts.made()).mapToObj(i -> (attempts.at.get(i) - attempts.at.get(i - 1)) / 1e9).toList();
        var expected = List.of(0.1, 0.2, 0.4);
        assertThat(gaps).withFailMessage("retry(always fails, 4, 100 ms) made %d attempts", attempts.made()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(gaps.get(i))
                    .withFailMessage("retry(always fails, 4, 100 ms) waited %s s between attempts: expected about %s s"
                            + " (firstBackoff, then twice, then four times that); a timer may be late, never early",
                            gaps.stream().map(g -> format(g)).toList(), expected)
                    .isBetween(expected.get(i) - 0.01, expected.get(i) + 0.5);
        }
    }

    @Test
    @DisplayName("retry holds no thread while it waits between attempts")
    void holdsNoThread() {
        int n = 200;
        var all = new ArrayList<CompletableFuture<String>>();
        long start = System.nanoTime();
        var added = PlatformThreads.startedDuring(() -> {
            var call = Blocking.time(() -> {
                for (int i = 0; i < n; i++) {
                    all.add(Retry.retry(new Attempts(List.of(failing(1), ok("ok"))), 2, Duration.ofMillis(300)));
                }
                return all;
            }, 2, n + " calls of retry(fails once, 2, 300 ms)");
            assertThat(call.seconds())
                    .withFailMessage("%d calls of retry(fails once, 2, 300 ms) took %s s to return: wait with a JDK timer,"
                            + " not Thread.sleep on the caller's thread", n, format(call.seconds()))
                    .isLessThan(1);
        });
        var done = ended(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)), 3, n + " retries");
        assertThat(done.failure()).withFailMessage("%d retries of an attempt that fails once failed: %s", n, done.failure())
                .isNull();
        assertThat(added)
                .withFailMessage("while %d retries waited for their backoff, %d more platform threads were alive: wait"
                        + " with a JDK timer (CompletableFuture.delayedExecutor), not a sleeping thread", n, added)
                .isLessThan(20);
        assertThat(secondsSince(start))
                .withFailMessage("%d retries waiting 0.3 s each took %s s: they wait at the same time", n,
                        format(secondsSince(start)))
                .isLessThan(2.5);
    }

    @Test
    @DisplayName("an attempt that throws, or returns null, counts as a failed attempt")
    void throwingOrNullAttemptsFail() {
        var thrown = new IllegalStateException("attempt 1 threw (thrown by the test)");
        var attempts = new Attempts(List.of(() -> {
            throw thrown;
        }, () -> null, ok("at last")));
        CompletableFuture<String> result = null;
        try {
            result = Retry.retry(attempts, 3, NO_BACKOFF);
        } catch (UnsupportedOperationException notDone) {
            throw notDone;
        } catch (RuntimeException e) {
            fail("retry threw %s from the call: an attempt that throws is a failed attempt; try again".formatted(e));
        }
        var end = ended(result, 2, "retry(throws, returns null, succeeds, 3, 0 s)");
        assertThat(end.value())
                .withFailMessage("retry of an attempt that throws, then returns null, then succeeds ended with %s after"
                        + " %d attempts: a throw and a null are failed attempts", end.failure() == null ? end.value()
                                : end.failure(), attempts.made())
                .isEqualTo("at last");
    }

    @Test
    @DisplayName("cancelling retry's future starts no further attempt")
    void cancelStopsRetrying() {
        var attempts = failingAlways(5);
        var result = Retry.retry(attempts, 5, Duration.ofMillis(100));
        result.cancel(true);
        sleep(0.5);
        assertThat(attempts.made())
                .withFailMessage("retry made %d attempts although its future was cancelled right after the first:"
                        + " before each attempt, check whether the result is done", attempts.made())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("retry rejects a null attempt or backoff, maxAttempts below 1 and a negative backoff at once")
    void rejectsBadArguments() {
        Rejections.assertRejects("retry(attempt, 0, 1 s)", "maxAttempts", 0, "maxAttempts must be at least 1: 0",
                () -> Retry.retry(ok("x"), 0, Duration.ofSeconds(1)));
        var negative = catchThrowable(() -> Retry.retry(ok("x"), 1, Duration.ofSeconds(-1)));
        if (negative instanceof UnsupportedOperationException notDone) {
            throw notDone;
        }
        assertThat(negative)
                .withFailMessage("retry(attempt, 1, -1 s) threw %s: throw IllegalArgumentException naming firstBackoff",
                        negative)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("firstBackoff");
        assertThat(catchThrowable(() -> Retry.retry(null, 1, NO_BACKOFF)))
                .withFailMessage("retry(null, 1, 0 s) did not throw NullPointerException")
                .isInstanceOf(NullPointerException.class);
        assertThat(catchThrowable(() -> Retry.retry(ok("x"), 1, null)))
                .withFailMessage("retry(attempt, 1, null) did not throw NullPointerException")
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("Retry uses only the APIs a workbook task may use")
    void usesOnlyAllowedApis() {
        // The check reads the compiled class; a call first makes sure it reads code that runs.
        Retry.retry(ok("x"), 1, NO_BACKOFF).join();
        StudentCode.of(Retry.class).assertOnlyAllowedApis();
    }
}
