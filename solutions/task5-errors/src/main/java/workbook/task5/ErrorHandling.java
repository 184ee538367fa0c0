package workbook.task5;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Task 5: when stages fail (reference solution).
 */
public final class ErrorHandling {

    private ErrorHandling() {
    }

    /**
     * Waits for every stage and returns how each one ended, in the list's order.
     *
     * <p>Returns at once. {@code handle} sees both ways a stage can end and turns each into an
     * outcome, so no stage's failure reaches the returned future, which {@code allOf} completes
     * once every outcome is in.
     *
     * @param stages the stages to wait for
     * @return a future completed with one outcome per stage, once all have completed; never exceptionally
     * @throws NullPointerException if {@code stages} or one of them is null
     */
    public static <T> CompletableFuture<List<Outcome<T>>> gatherSettled(List<? extends CompletionStage<? extends T>> stages) {
        Objects.requireNonNull(stages, "stages");
        List<CompletableFuture<Outcome<T>>> outcomes = stages.stream()
                .map(stage -> stage.<Outcome<T>>handle((value, failure) -> failure == null
                        ? new Outcome.Success<>(value)
                        : new Outcome.Failure<>(unwrap(failure))).toCompletableFuture())
                .toList();
        return CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
                .thenApply(done -> outcomes.stream().map(CompletableFuture::join).toList());
    }

    /**
     * Returns the results of every future in the list's order, or the first failure, cancelling the others.
     *
     * <p>Returns at once. The first future to fail wins: it cancels every other future, then fails
     * the returned one with its unwrapped exception. Cancelled futures fail too, with a
     * {@code CancellationException}, but by then the outcome is decided.
     *
     * @param futures the futures to wait for
     * @return a future completed with their results, or failed with the first failure
     * @throws NullPointerException if {@code futures} or one of them is null
     */
    public static <T> CompletableFuture<List<T>> gatherOrCancel(List<? extends CompletableFuture<? extends T>> futures) {
        List<CompletableFuture<? extends T>> all = List.copyOf(futures);
        var result = new CompletableFuture<List<T>>();
        var failed = new AtomicBoolean();
        for (var future : all) {
            future.whenComplete((value, failure) -> {
                if (failure != null && failed.compareAndSet(false, true)) {
                    all.forEach(other -> other.cancel(true));
                    result.completeExceptionally(unwrap(failure));
                }
            });
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .thenRun(() -> result.complete(all.stream().<T>map(CompletableFuture::join).toList()));
        // Cancelling the group cancels its members, as cancelling an asyncio.TaskGroup's task does.
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                all.forEach(future -> future.cancel(true));
            }
        });
        return result;
    }

    /** Returns the exception a stage really failed with: the one a {@code CompletionException} wraps. */
    private static Throwable unwrap(Throwable failure) {
        while ((failure instanceof CompletionException || failure instanceof ExecutionException) && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }
}
