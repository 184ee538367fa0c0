package workbook.task7;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Task 7: limits.
 *
 * <p>Write {@code limited(tasks, limit)}, Java's {@code asyncio.Semaphore(limit)} around each task:
 * it starts at most {@code limit} tasks at once (a task is a supplier that starts some work and
 * returns its stage), and a new one as soon as one ends, never in fixed batches; the results come
 * in completion order. A task that fails, or whose supplier throws or returns null, fails the
 * whole at once, and no further task starts; cancelling the returned future starts none either.
 * It returns at once and blocks no thread while tasks wait for a slot; 100 000 tasks whose stages
 * are already complete must not overflow the stack.
 *
 * <p>Write {@code waitNLimited(n, maxDelay, limit)}: {@code n} waits of Task 0's
 * {@code waitRandom(maxDelay)}, at most {@code limit} at a time, through {@code limited}.
 *
 * <p>{@code limit < 1}, a negative {@code n} or {@code maxDelay} throw
 * {@code IllegalArgumentException} naming the argument and its value; a null list throws
 * {@code NullPointerException}.
 *
 * <p>Read task7-limits/README.md, then test with {@code ./mvnw test -pl task7-limits -am -Dgroups=task:7}.
 */
public final class Limits {

    private Limits() {
    }

    /** Runs the tasks, at most {@code limit} at once, and returns their results in completion order. */
    public static <T> CompletableFuture<List<T>> limited(List<? extends Supplier<? extends CompletionStage<? extends T>>> tasks,
                                                         int limit) {
        throw new UnsupportedOperationException(
                "Task 7 is not done yet: write limited(tasks, limit) in task7-limits/src/main/java/workbook/task7/Limits.java"
                        + " (see task7-limits/README.md, section \"What to do\")");
    }

    /** Starts {@code n} waits of {@code waitRandom(maxDelay)}, at most {@code limit} at once; returns their delays in completion order. */
    public static CompletableFuture<List<Double>> waitNLimited(int n, int maxDelay, int limit) {
        throw new UnsupportedOperationException(
                "Task 7 is not done yet: write waitNLimited(n, maxDelay, limit) in task7-limits/src/main/java/workbook/task7/Limits.java"
                        + " (see task7-limits/README.md, section \"What to do\")");
    }
}
