package workbook.task0;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Task 0: an asynchronous wait of random length (reference solution).
 */
public final class BasicAsyncSyntax {

    /**
     * The timers that end the waits: JDK schedulers of one daemon thread each, one per processor.
     *
     * <p>{@code new CompletableFuture<Double>().completeOnTimeout(delay, ...)} is all this task
     * needs: the JDK's one shared timer thread then ends every wait. This solution spreads the
     * waits over one timer per processor because a single timer thread ends only a few hundred
     * thousand waits a second, too few for {@code waitN(1_000_000, 1)} to end soon after its
     * longest wait (measured in task2-runtime/SPEEDUP.md).
     */
    private static final ScheduledExecutorService[] TIMERS = timers(Runtime.getRuntime().availableProcessors());

    private BasicAsyncSyntax() {
    }

    private static ScheduledExecutorService[] timers(int count) {
        // Daemon threads: a pending wait must not keep the JVM alive once main has returned.
        var threads = Thread.ofPlatform().name("waitRandom-timer-", 0).daemon().factory();
        return Stream.generate(() -> Executors.newSingleThreadScheduledExecutor(threads))
                .limit(count).toArray(ScheduledExecutorService[]::new);
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
     * by a timer thread, so no thread is blocked while waiting.
     *
     * @param maxDelay the longest delay, in seconds
     * @return a future completed with the delay, in seconds, once it has passed
     * @throws IllegalArgumentException if {@code maxDelay} is negative
     */
    public static CompletableFuture<Double> waitRandom(int maxDelay) {
        if (maxDelay < 0) {
            throw new IllegalArgumentException("maxDelay must not be negative: " + maxDelay);
        }
        var random = ThreadLocalRandom.current();
        var delay = random.nextDouble() * maxDelay;
        var future = new CompletableFuture<Double>();
        // The wait is handed to a timer: thousands of pending waits cost a few timer threads in
        // all, not one thread each (Python: asyncio.sleep). Any timer will do; a random one
        // spreads the waits evenly.
        TIMERS[random.nextInt(TIMERS.length)]
                .schedule(() -> future.complete(delay), Math.round(delay * 1e9), TimeUnit.NANOSECONDS);
        return future;
    }
}
