package workbook.task7;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import workbook.task0.BasicAsyncSyntax;

/**
 * Task 7: limits (reference solution).
 */
public final class Limits {

    private Limits() {
    }

    /**
     * Runs the tasks, at most {@code limit} at once, and returns their results in completion order.
     *
     * <p>Returns at once; the first {@code limit} tasks start on the caller's thread. Each task
     * that ends frees its slot, and the next task starts at once: never in fixed batches. No
     * thread waits for a slot: a slot is a count, not a permit someone blocks on. The first
     * failure, or a supplier that throws or returns null, fails the result and no further task
     * starts; so does cancelling the result.
     *
     * @throws NullPointerException     if {@code tasks} or one of them is null
     * @throws IllegalArgumentException if {@code limit} is less than 1
     */
    public static <T> CompletableFuture<List<T>> limited(List<? extends Supplier<? extends CompletionStage<? extends T>>> tasks,
                                                         int limit) {
        Objects.requireNonNull(tasks, "tasks");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        var run = new Run<T>(List.copyOf(tasks));
        if (run.tasks.isEmpty()) {
            run.result.complete(List.of());
        }
        for (int i = 0; i < limit; i++) {
            run.slotFreed();
        }
        return run.result;
    }

    /**
     * Starts {@code n} waits of {@code BasicAsyncSyntax.waitRandom(maxDelay)}, at most {@code limit}
     * at once, and returns their delays in completion order.
     *
     * @throws IllegalArgumentException if {@code n} or {@code maxDelay} is negative, or {@code limit} is less than 1
     */
    public static CompletableFuture<List<Double>> waitNLimited(int n, int maxDelay, int limit) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        if (maxDelay < 0) {
            throw new IllegalArgumentException("maxDelay must not be negative: " + maxDelay);
        }
        var waits = new ArrayList<Supplier<CompletableFuture<Double>>>(n);
        for (int i = 0; i < n; i++) {
            waits.add(() -> BasicAsyncSyntax.waitRandom(maxDelay));
        }
        return limited(waits, limit);
    }

    /** One call of {@link #limited}: its tasks, the next one to start, the results so far. */
    private static final class Run<T> {
        private final List<? extends Supplier<? extends CompletionStage<? extends T>>> tasks;
        private final CompletableFuture<List<T>> result = new CompletableFuture<>();
        private final List<T> results = new ArrayList<>();
        private final AtomicInteger next = new AtomicInteger();
        /** Slots freed and not yet used: only the thread that takes it from 0 to 1 starts tasks. */
        private final AtomicInteger freed = new AtomicInteger();

        Run(List<? extends Supplier<? extends CompletionStage<? extends T>>> tasks) {
            this.tasks = tasks;
        }

        /**
         * Starts the next task in the slot just freed. A task whose stage is already complete
         * frees its slot inside this call; the loop, not a deeper call, then starts the next one,
         * so 100 000 tasks that complete at once use one stack frame, not 100 000.
         */
        void slotFreed() {
            if (freed.getAndIncrement() > 0) {
                return;
            }
            do {
                startNext();
            } while (freed.decrementAndGet() > 0);
        }

        private void startNext() {
            int i = next.getAndIncrement();
            if (i >= tasks.size() || result.isDone()) {
                return;
            }
            CompletionStage<? extends T> stage;
            try {
                stage = Objects.requireNonNull(tasks.get(i).get(), "task " + i + " returned null instead of a stage");
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
                return;
            }
            stage.whenComplete((value, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(unwrap(failure));
                    return;
                }
                synchronized (results) {
                    results.add(value);
                    if (results.size() == tasks.size()) {
                        result.complete(new ArrayList<>(results));
                        return;
                    }
                }
                slotFreed();
            });
        }
    }

    /** Returns the exception a stage really failed with: the one a {@code CompletionException} wraps. */
    private static Throwable unwrap(Throwable failure) {
        while ((failure instanceof CompletionException || failure instanceof ExecutionException) && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }
}
