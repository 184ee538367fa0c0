package workbook.task3;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
        // MISTAKE: no check: waitRandom(-1) throws inside the task, which fails instead of this call.
        // join() parks the virtual thread, which then frees its carrier thread for other tasks.
        return CompletableFuture.supplyAsync(() -> BasicAsyncSyntax.waitRandom(maxDelay).join(), EXECUTOR);
    }
}
