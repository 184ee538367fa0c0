package workbook.task6;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import workbook.task0.BasicAsyncSyntax;

/**
 * Task 6: timeouts and cancellation (reference solution).
 */
public final class Timeouts {

    private Timeouts() {
    }

    /**
     * Returns a future that completes as {@code future} does, or fails with a
     * {@link TimeoutException} once {@code timeout} has passed, cancelling {@code future} first.
     *
     * <p>Returns at once. The wait is a JDK timer, not a thread. Whichever comes first, the
     * source's outcome or the timer, settles the result; the other finds it settled. Cancelling
     * the returned future cancels {@code future}.
     *
     * @throws NullPointerException     if {@code future} or {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public static <T> CompletableFuture<T> withTimeout(CompletableFuture<T> future, Duration timeout) {
        Objects.requireNonNull(future, "future");
        long nanos = nanos(timeout);
        var result = new CompletableFuture<T>();
        var settled = new AtomicBoolean();
        var timer = new CompletableFuture<Void>();
        future.whenComplete((value, failure) -> {
            if (settled.compareAndSet(false, true)) {
                // Completing the timer releases it: the JDK drops a timeout whose future is done.
                timer.cancel(false);
                if (failure == null) {
                    result.complete(value);
                } else {
                    result.completeExceptionally(unwrap(failure));
                }
            }
        });
        timer.completeOnTimeout(null, nanos, TimeUnit.NANOSECONDS).thenRun(() -> {
            if (settled.compareAndSet(false, true)) {
                // Cancelling a derived future never reaches its source: cancel the source itself.
                future.cancel(true);
                result.completeExceptionally(new TimeoutException("no result within " + timeout));
            }
        });
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                timer.cancel(false);
                future.cancel(true);
            }
        });
        return result;
    }

    /**
     * Returns the results of the futures done within {@code timeout}, in the order they completed,
     * cancelling every future still pending then; completes early when all are done.
     *
     * <p>Returns at once. Futures already done are taken first, in the list's order. A failure
     * ends the wait at once: the pending futures are cancelled and the returned future fails with
     * it, unwrapped. The results are taken once, when the wait ends; whatever a future does later
     * is not added. Cancelling the returned future cancels the futures it was given.
     *
     * @throws NullPointerException     if {@code futures}, one of them or {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public static <T> CompletableFuture<List<T>> completedWithin(List<? extends CompletableFuture<? extends T>> futures,
                                                                 Duration timeout) {
        List<CompletableFuture<? extends T>> all = List.copyOf(Objects.requireNonNull(futures, "futures"));
        long nanos = nanos(timeout);
        var result = new CompletableFuture<List<T>>();
        if (all.isEmpty()) {
            result.complete(List.of());
            return result;
        }
        var done = new ArrayList<T>();
        var ended = new AtomicBoolean();
        var timer = new CompletableFuture<Void>();
        for (var future : all) {
            future.whenComplete((value, failure) -> {
                List<T> results;
                synchronized (done) {
                    if (ended.get()) {
                        return;
                    }
                    if (failure == null) {
                        done.add(value);
                        if (done.size() < all.size()) {
                            return;
                        }
                    }
                    ended.set(true);
                    results = new ArrayList<>(done);
                }
                end(all, timer, () -> {
                    if (failure == null) {
                        result.complete(results);
                    } else {
                        result.completeExceptionally(unwrap(failure));
                    }
                });
            });
        }
        timer.completeOnTimeout(null, nanos, TimeUnit.NANOSECONDS).thenRun(() -> {
            List<T> results;
            synchronized (done) {
                if (ended.getAndSet(true)) {
                    return;
                }
                results = new ArrayList<>(done);
            }
            end(all, timer, () -> result.complete(results));
        });
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                end(all, timer, () -> { });
            }
        });
        return result;
    }

    /**
     * Starts {@code n} waits of {@code BasicAsyncSyntax.waitRandom(maxDelay)} and returns the delays
     * of those that end within {@code timeout}, in completion order; the others are cancelled.
     *
     * @throws NullPointerException     if {@code timeout} is null
     * @throws IllegalArgumentException if {@code n}, {@code maxDelay} or {@code timeout} is negative
     */
    public static CompletableFuture<List<Double>> waitNWithin(int n, int maxDelay, Duration timeout) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        if (maxDelay < 0) {
            throw new IllegalArgumentException("maxDelay must not be negative: " + maxDelay);
        }
        nanos(timeout);
        var waits = new ArrayList<CompletableFuture<Double>>(n);
        for (int i = 0; i < n; i++) {
            waits.add(BasicAsyncSyntax.waitRandom(maxDelay));
        }
        // A cancelled wait releases its JDK timer: nothing keeps running after the cut-off.
        return completedWithin(waits, timeout);
    }

    /** Ends a wait: the timer and every future still pending are cancelled before the result is given. */
    private static void end(List<? extends CompletableFuture<?>> futures, CompletableFuture<Void> timer, Runnable complete) {
        timer.cancel(false);
        futures.forEach(future -> future.cancel(true));
        complete.run();
    }

    private static long nanos(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /** Returns the exception a future really failed with: the one a {@code CompletionException} wraps. */
    private static Throwable unwrap(Throwable failure) {
        while ((failure instanceof CompletionException || failure instanceof ExecutionException) && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }
}
