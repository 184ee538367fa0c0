package workbook.task0;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Task 0: an asynchronous wait of random length (reference solution).
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
        return waitRandom(10);
    }

    /**
     * Waits a random time of up to {@code maxDelay} seconds, asynchronously.
     *
     * <p>The delay is uniformly distributed in {@code [0, maxDelay]}. This method returns at
     * once; the returned future is completed with the delay once that many seconds have passed,
     * by a JDK timer thread, so no thread is blocked while waiting.
     *
     * @param maxDelay the longest delay, in seconds
     * @return a future completed with the delay, in seconds, once it has passed
     * @throws IllegalArgumentException if {@code maxDelay} is negative
     */
    public static CompletableFuture<Double> waitRandom(int maxDelay) {
        if (maxDelay < 0) {
            throw new IllegalArgumentException("maxDelay must not be negative: " + maxDelay);
        }
        var delay = ThreadLocalRandom.current().nextDouble() * maxDelay;
        // completeOnTimeout hands the wait to the JDK's shared timer thread: thousands of
        // pending waits cost one thread in all, not one thread each (Python: asyncio.sleep).
        // One thread also ends them in the order of their deadlines, which Task 1 relies on.
        return new CompletableFuture<Double>()
                .completeOnTimeout(delay, Math.round(delay * 1e9), TimeUnit.NANOSECONDS);
    }
}
