package workbook.task1;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Task 1: many waits at the same time, collected as they complete.
 *
 * <p>Write {@code inCompletionOrder(stages)}, Java's {@code asyncio.as_completed}: a future that
 * completes with the results of all stages in the order the stages completed (not the list's
 * order), fails as soon as one stage fails, and loses no result when many complete at once.
 *
 * <p>Then write {@code waitN(n, maxDelay)}: start {@code n} calls of
 * {@code BasicAsyncSyntax.waitRandom(maxDelay)} all at once and return their delays through
 * {@code inCompletionOrder}. The list comes out ascending because of concurrency: do not sort it.
 * Negative {@code n} or {@code maxDelay} throws {@link IllegalArgumentException}.
 *
 * <p>Read task1-concurrent/README.md, then test with {@code ./mvnw test -pl task1-concurrent -am -Dgroups=task:1}.
 */
public final class ConcurrentCoroutines {

    private ConcurrentCoroutines() {
    }

    /**
     * Starts {@code n} calls of {@code waitRandom(maxDelay)} at once and collects their delays in
     * the order the waits complete.
     *
     * @param n        how many waits to start
     * @param maxDelay the longest delay of each wait, in seconds
     * @return a future completed with the {@code n} delays, in completion order
     * @throws IllegalArgumentException if {@code n} or {@code maxDelay} is negative
     */
    public static CompletableFuture<List<Double>> waitN(int n, int maxDelay) {
        throw new UnsupportedOperationException(
                "Task 1 is not done yet: write waitN(n, maxDelay) in task1-concurrent/src/main/java/workbook/task1/ConcurrentCoroutines.java"
                        + " (see task1-concurrent/README.md, section \"What to do\")");
    }

    /**
     * Returns a future completed with the results of all {@code stages}, in the order the stages
     * completed.
     *
     * @param stages the stages to collect
     * @return a future completed with the results, in completion order
     * @throws NullPointerException if {@code stages} is null
     */
    public static <T> CompletableFuture<List<T>> inCompletionOrder(List<? extends CompletionStage<? extends T>> stages) {
        throw new UnsupportedOperationException(
                "Task 1 is not done yet: write inCompletionOrder(stages) in task1-concurrent/src/main/java/workbook/task1/ConcurrentCoroutines.java"
                        + " (see task1-concurrent/README.md, section \"What to do\")");
    }
}
