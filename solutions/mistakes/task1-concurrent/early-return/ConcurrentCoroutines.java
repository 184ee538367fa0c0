package workbook.task1;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.Collections;
import workbook.task0.BasicAsyncSyntax;

/**
 * Task 1: many waits at the same time, collected as they complete (a correct solution with one common mistake, marked MISTAKE).
 */
public final class ConcurrentCoroutines {

    private ConcurrentCoroutines() {
    }

    /**
     * Starts {@code n} calls of {@code waitRandom(maxDelay)} at once and collects their delays in
     * the order the waits complete.
     *
     * <p>All waits run at the same time, so the returned future completes after about the longest
     * delay, not their sum, and the delays come out in ascending order without being sorted.
     *
     * @param n        how many waits to start
     * @param maxDelay the longest delay of each wait, in seconds
     * @return a future completed with the {@code n} delays, in completion order
     * @throws IllegalArgumentException if {@code n} or {@code maxDelay} is negative
     */
    public static CompletableFuture<List<Double>> waitN(int n, int maxDelay) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        if (maxDelay < 0) {
            throw new IllegalArgumentException("maxDelay must not be negative: " + maxDelay);
        }
        // Start every wait before waiting for any: this is what makes them concurrent.
        var waits = new ArrayList<CompletableFuture<Double>>(n);
        for (int i = 0; i < n; i++) {
            waits.add(BasicAsyncSyntax.waitRandom(maxDelay));
        }
        return inCompletionOrder(waits);
    }

    /**
     * Returns a future completed with the results of all {@code stages}, in the order the stages
     * completed (Python's {@code asyncio.as_completed}).
     *
     * <p>Stages may complete on any threads, at the same time; no result is lost. Stages that are
     * already complete come first, in list order. If a stage completes exceptionally, the returned
     * future completes at once with the same exception. An empty list gives an already completed
     * empty list.
     *
     * @param stages the stages to collect; not modified
     * @return a future completed with an unmodifiable list of the results, in completion order
     * @throws NullPointerException if {@code stages} or one of its elements is null
     */
    public static <T> CompletableFuture<List<T>> inCompletionOrder(List<? extends CompletionStage<? extends T>> stages) {
        Objects.requireNonNull(stages, "stages");
        stages.forEach(stage -> Objects.requireNonNull(stage, "stages must not contain null"));
        int n = stages.size();
        if (n == 0) {
            return CompletableFuture.completedFuture(List.of());
        }
        // MISTAKE: hands back the list at once, while the results are still coming in.
        var results = Collections.synchronizedList(new ArrayList<T>(n));
        for (var stage : stages) {
            stage.thenAccept(results::add);
        }
        return CompletableFuture.completedFuture(results);
    }
}
