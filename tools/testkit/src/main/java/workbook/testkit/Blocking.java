package workbook.testkit;

import static org.assertj.core.api.Assertions.fail;
import static workbook.testkit.Timing.format;
import static workbook.testkit.Timing.secondsSince;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bounded, timed calls of blocking methods, such as Task 2's {@code measureTime} or a task's
 * {@code join}.
 *
 * <p>A student's blocking method may never return; the graded suite must still end with a
 * sentence. So the call runs on a daemon thread of its own, and the test waits for it only as
 * long as it allows.
 */
public final class Blocking {

    private Blocking() {
    }

    /**
     * The result of a blocking call and how long the call took.
     *
     * @param value   what the call returned
     * @param seconds the time between the test's own {@link System#nanoTime()} readings right
     *                before and right after the call, on the thread that made it
     */
    public record Timed<T>(T value, double seconds) {
    }

    /**
     * Starts {@code call} on a new daemon thread and returns a future of its result and duration.
     * The future completes exceptionally with whatever the call threw.
     */
    public static <T> CompletableFuture<Timed<T>> start(Callable<T> call) {
        var timed = new CompletableFuture<Timed<T>>();
        Thread.ofPlatform().daemon().name("graded blocking call").start(() -> {
            try {
                long start = System.nanoTime();
                T value = call.call();
                timed.complete(new Timed<>(value, secondsSince(start)));
            } catch (Throwable e) {
                timed.completeExceptionally(e);
            }
        });
        return timed;
    }

    /**
     * Waits at most {@code limitSeconds} for a call made by {@link #start} and returns its result.
     *
     * @param what the call, as the student would write it, e.g. {@code "measureTime(50, 1)"}
     * @throws AssertionError if the call does not return in time
     * @throws RuntimeException the very exception the call threw, if unchecked (checked ones are
     *                          wrapped in an {@link AssertionError})
     */
    public static <T> Timed<T> await(CompletableFuture<Timed<T>> call, double limitSeconds, String what) {
        try {
            return call.get(Math.round(limitSeconds * 1e9), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return fail("%s did not return within %s s", what, format(limitSeconds));
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException unchecked -> throw unchecked;
                case Error error -> throw error;
                default -> throw new AssertionError("%s threw %s".formatted(what, e.getCause()), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for " + what, e);
        }
    }

    /** Makes a call on a thread of its own and waits at most {@code limitSeconds} for it: {@link #start} then {@link #await}. */
    public static <T> Timed<T> time(Callable<T> call, double limitSeconds, String what) {
        return await(start(call), limitSeconds, what);
    }
}
