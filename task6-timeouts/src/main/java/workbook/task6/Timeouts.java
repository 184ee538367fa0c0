package workbook.task6;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Task 6: timeouts and cancellation.
 *
 * <p>Write {@code withTimeout(future, timeout)}, Java's {@code asyncio.wait_for}: a future that
 * completes as {@code future} does, or, when {@code timeout} passes first, fails with
 * {@code TimeoutException} after cancelling {@code future}.
 *
 * <p>Write {@code completedWithin(futures, timeout)}, {@code asyncio.wait(aws, timeout=t)} then
 * cancelling the pending ones: the results of the futures done within {@code timeout}, in
 * completion order; every future still pending then is cancelled; it completes early when all are
 * done; a failure fails it at once.
 *
 * <p>Write {@code waitNWithin(n, maxDelay, timeout)}: {@code n} waits of Task 0's
 * {@code waitRandom(maxDelay)} through {@code completedWithin}.
 *
 * <p>All three return at once and cancel what they cancel before their future completes.
 * Cancelling their future cancels the futures they were given. Bad arguments are rejected at once:
 * null with {@code NullPointerException}, negative with {@code IllegalArgumentException} naming
 * the argument and its value.
 *
 * <p>Read task6-timeouts/README.md, then test with {@code ./mvnw test -pl task6-timeouts -am -Dgroups=task:6}.
 */
public final class Timeouts {

    private Timeouts() {
    }

    /**
     * Returns a future that completes as {@code future} does, or fails with a
     * {@code TimeoutException} once {@code timeout} has passed, cancelling {@code future} first.
     */
    public static <T> CompletableFuture<T> withTimeout(CompletableFuture<T> future, Duration timeout) {
        throw new UnsupportedOperationException(
                "Task 6 is not done yet: write withTimeout(future, timeout) in task6-timeouts/src/main/java/workbook/task6/Timeouts.java"
                        + " (see task6-timeouts/README.md, section \"What to do\")");
    }

    /**
     * Returns the results of the futures done within {@code timeout}, in the order they completed,
     * cancelling every future still pending then.
     */
    public static <T> CompletableFuture<List<T>> completedWithin(List<? extends CompletableFuture<? extends T>> futures,
                                                                 Duration timeout) {
        throw new UnsupportedOperationException(
                "Task 6 is not done yet: write completedWithin(futures, timeout) in task6-timeouts/src/main/java/workbook/task6/Timeouts.java"
                        + " (see task6-timeouts/README.md, section \"What to do\")");
    }

    /** Starts {@code n} waits of {@code waitRandom(maxDelay)} and returns the delays of those that end within {@code timeout}. */
    public static CompletableFuture<List<Double>> waitNWithin(int n, int maxDelay, Duration timeout) {
        throw new UnsupportedOperationException(
                "Task 6 is not done yet: write waitNWithin(n, maxDelay, timeout) in task6-timeouts/src/main/java/workbook/task6/Timeouts.java"
                        + " (see task6-timeouts/README.md, section \"What to do\")");
    }
}
