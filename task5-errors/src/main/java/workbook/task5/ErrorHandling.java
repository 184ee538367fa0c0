package workbook.task5;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Task 5: when stages fail.
 *
 * <p>Write {@code gatherSettled(stages)}, Java's {@code asyncio.gather(*aws, return_exceptions=True)}:
 * it returns at once a future that completes once every stage has completed, normally or not,
 * with one {@link Outcome} per stage in the list's order; a failure's cause is the original
 * exception, unwrapped from {@code CompletionException}; it never completes exceptionally.
 *
 * <p>Write {@code gatherOrCancel(futures)}, Java's {@code asyncio.TaskGroup}: the results in the
 * list's order when every future succeeds; on the first failure it fails at once with that
 * (unwrapped) exception, after cancelling every future not yet done. Cancelling its future cancels
 * the futures it was given. {@code null} lists are rejected with {@code NullPointerException}.
 *
 * <p>Read task5-errors/README.md, then test with {@code ./mvnw test -pl task5-errors -am -Dgroups=task:5}.
 */
public final class ErrorHandling {

    private ErrorHandling() {
    }

    /**
     * Waits for every stage and returns how each one ended, in the list's order.
     *
     * @param stages the stages to wait for
     * @return a future completed with one outcome per stage, once all have completed; never exceptionally
     * @throws NullPointerException if {@code stages} is null
     */
    public static <T> CompletableFuture<List<Outcome<T>>> gatherSettled(List<? extends CompletionStage<? extends T>> stages) {
        throw new UnsupportedOperationException(
                "Task 5 is not done yet: write gatherSettled(stages) in task5-errors/src/main/java/workbook/task5/ErrorHandling.java"
                        + " (see task5-errors/README.md, section \"What to do\")");
    }

    /**
     * Returns the results of every future in the list's order, or the first failure, cancelling the others.
     *
     * @param futures the futures to wait for
     * @return a future completed with their results, or failed with the first failure
     * @throws NullPointerException if {@code futures} is null
     */
    public static <T> CompletableFuture<List<T>> gatherOrCancel(List<? extends CompletableFuture<? extends T>> futures) {
        throw new UnsupportedOperationException(
                "Task 5 is not done yet: write gatherOrCancel(futures) in task5-errors/src/main/java/workbook/task5/ErrorHandling.java"
                        + " (see task5-errors/README.md, section \"What to do\")");
    }
}
