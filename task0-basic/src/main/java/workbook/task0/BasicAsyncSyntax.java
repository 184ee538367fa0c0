package workbook.task0;

import java.util.concurrent.CompletableFuture;

/**
 * Task 0: an asynchronous wait of random length.
 *
 * <p>Write {@code waitRandom(maxDelay)}: it picks a random delay, uniformly distributed between
 * 0 and {@code maxDelay} seconds (both included), and returns a {@link CompletableFuture} that
 * completes with that delay once that many seconds have passed. It returns at once and holds
 * no thread while the time passes. {@code waitRandom()} is {@code waitRandom(10)}. A negative
 * {@code maxDelay} throws {@link IllegalArgumentException} naming the argument and its value.
 *
 * <p>Read task0-basic/README.md, then test with {@code ./mvnw test -pl task0-basic -am -Dgroups=task:0}.
 */
public final class BasicAsyncSyntax {

    private BasicAsyncSyntax() {
    }

    /**
     * Waits a random time of up to 10 seconds, asynchronously; same as {@code waitRandom(10)}.
     *
     * @return a future completed with the delay, in seconds, once it has passed
     */
    public static CompletableFuture<Double> waitRandom() {
        throw new UnsupportedOperationException(
                "Task 0 is not done yet: write waitRandom() in task0-basic/src/main/java/workbook/task0/BasicAsyncSyntax.java"
                        + " (see task0-basic/README.md, section \"What to do\")");
    }

    /**
     * Waits a random time of up to {@code maxDelay} seconds, asynchronously.
     *
     * @param maxDelay the longest delay, in seconds
     * @return a future completed with the delay, in seconds, once it has passed
     * @throws IllegalArgumentException if {@code maxDelay} is negative
     */
    public static CompletableFuture<Double> waitRandom(int maxDelay) {
        throw new UnsupportedOperationException(
                "Task 0 is not done yet: write waitRandom(maxDelay) in task0-basic/src/main/java/workbook/task0/BasicAsyncSyntax.java"
                        + " (see task0-basic/README.md, section \"What to do\")");
    }
}
