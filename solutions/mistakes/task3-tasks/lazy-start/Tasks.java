package workbook.task3;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import workbook.task0.BasicAsyncSyntax;

/**
 * Task 3: turning a wait into a task (a correct solution with one common mistake, marked MISTAKE).
 */
public final class Tasks {

    /**
     * Runs each task on a virtual thread of its own: cheap enough to start one per task, and a
     * virtual thread that waits holds no platform thread. It is never shut down because virtual
     * threads do not keep the JVM alive.
     */
    private static final ExecutorService EXECUTOR = Executors.newVirtualThreadPerTaskExecutor();

    private Tasks() {
    }

    /**
     * Schedules {@code waitRandom(maxDelay)} as a task and returns its handle at once
     * (Python's {@code asyncio.create_task}).
     *
     * <p>The task is already running when this method returns and runs to completion whether or
     * not anyone waits for it. The handle can be inspected ({@code isDone}, {@code state()}),
     * awaited ({@code join}) and cancelled ({@code cancel}, after which {@code join} throws
     * {@link java.util.concurrent.CancellationException}).
     *
     * @param maxDelay the longest delay, in seconds
     * @return the running task, completed with its delay in seconds
     * @throws IllegalArgumentException if {@code maxDelay} is negative
     */
    public static CompletableFuture<Double> taskWaitRandom(int maxDelay) {
        if (maxDelay < 0) {
            throw new IllegalArgumentException("maxDelay must not be negative: " + maxDelay);
        }
        // MISTAKE: like a Python coroutine, the wait only starts when someone joins the task, so a
        // task nobody waits for never runs.
        return new CompletableFuture<>() {
            private final AtomicBoolean started = new AtomicBoolean();

            @Override
            public Double join() {
                start();
                return super.join();
            }

            @Override
            public Double get() throws InterruptedException, java.util.concurrent.ExecutionException {
                start();
                return super.get();
            }

            @Override
            public Double get(long timeout, java.util.concurrent.TimeUnit unit)
                    throws InterruptedException, java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
                start();
                return super.get(timeout, unit);
            }

            private void start() {
                if (started.compareAndSet(false, true)) {
                    CompletableFuture.supplyAsync(() -> BasicAsyncSyntax.waitRandom(maxDelay).join(), EXECUTOR)
                            .whenComplete((delay, failure) -> {
                                if (failure == null) {
                                    complete(delay);
                                } else {
                                    completeExceptionally(failure);
                                }
                            });
                }
            }
        };
    }
}
