package workbook.task3;

import java.util.concurrent.CompletableFuture;
import workbook.task0.BasicAsyncSyntax;

/**
 * Task 3: turning a wait into a task (a correct solution with one common mistake, marked MISTAKE).
 */
public final class Tasks {

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
        // MISTAKE: a new platform thread per task, blocked in join() for the whole wait.
        var task = new CompletableFuture<Double>();
        new Thread(() -> task.complete(BasicAsyncSyntax.waitRandom(maxDelay).join())).start();
        return task;
    }
}
