package workbook.task8;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Task 8: retrying with backoff (reference solution).
 */
public final class Retry {

    private Retry() {
    }

    /**
     * Calls {@code attempt} until one attempt succeeds, at most {@code maxAttempts} times, waiting
     * {@code firstBackoff}, then twice that, four times that, ... between attempts.
     *
     * <p>Returns at once; the first attempt runs on the caller's thread, the later ones on the
     * JDK's timer, so no thread is held while waiting. An attempt that throws, or returns null,
     * counts as a failed attempt. After the last failed attempt the result fails with the last
     * failure, the earlier ones attached to it as suppressed exceptions, in order. Once the result
     * is cancelled, no further attempt is made.
     *
     * @throws NullPointerException     if {@code attempt} or {@code firstBackoff} is null
     * @throws IllegalArgumentException if {@code maxAttempts} is less than 1 or {@code firstBackoff} is negative
     */
    public static <T> CompletableFuture<T> retry(Supplier<? extends CompletionStage<? extends T>> attempt, int maxAttempts,
                                                 Duration firstBackoff) {
        Objects.requireNonNull(attempt, "attempt");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        if (firstBackoff.isNegative()) {
            throw new IllegalArgumentException("firstBackoff must not be negative: " + firstBackoff);
        }
        var result = new CompletableFuture<T>();
        attempt(attempt, 1, maxAttempts, firstBackoff.toNanos(), new ArrayList<>(), result);
        return result;
    }

    /** Makes attempt {@code number}; on a failure, schedules the next one {@code backoff} nanoseconds later. */
    private static <T> void attempt(Supplier<? extends CompletionStage<? extends T>> attempt, int number, int maxAttempts,
                                    long backoff, List<Throwable> failures, CompletableFuture<T> result) {
        if (result.isDone()) {
            return; // cancelled: no further attempt
        }
        CompletionStage<? extends T> stage;
        try {
            stage = Objects.requireNonNull(attempt.get(), "the attempt returned null instead of a stage");
        } catch (RuntimeException | Error e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((value, failure) -> {
            if (failure == null) {
                result.complete(value);
                return;
            }
            var cause = unwrap(failure);
            if (number == maxAttempts) {
                failures.stream().filter(earlier -> earlier != cause).forEach(cause::addSuppressed);
                result.completeExceptionally(cause);
                return;
            }
            failures.add(cause);
            // The wait is a JDK timer, as in Task 0: no thread sleeps through the backoff.
            CompletableFuture.delayedExecutor(backoff, TimeUnit.NANOSECONDS).execute(() ->
                    attempt(attempt, number + 1, maxAttempts, backoff > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : backoff * 2,
                            failures, result));
        });
    }

    /** Returns the exception an attempt really failed with: the one a {@code CompletionException} wraps. */
    private static Throwable unwrap(Throwable failure) {
        while ((failure instanceof CompletionException || failure instanceof ExecutionException) && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }
}
