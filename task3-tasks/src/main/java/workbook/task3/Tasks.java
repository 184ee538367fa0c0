package workbook.task3;

import java.util.concurrent.CompletableFuture;

/**
 * Task 3: turning a wait into a task.
 *
 * <p>Write {@code taskWaitRandom(maxDelay)}: a plain (not async) method that schedules
 * {@code BasicAsyncSyntax.waitRandom(maxDelay)} as a task and returns its handle, a
 * {@link CompletableFuture} that is already running when returned, runs to completion even if
 * nobody waits for it, and can be inspected, awaited and cancelled. A negative {@code maxDelay}
 * throws {@link IllegalArgumentException}.
 *
 * <p>Read task3-tasks/README.md, then test with {@code ./mvnw test -pl task3-tasks -am -Dgroups=task:3}.
 */
public final class Tasks {

    private Tasks() {
    }

    /**
     * Schedules {@code waitRandom(maxDelay)} as a task and returns its handle at once.
     *
     * @param maxDelay the longest delay, in seconds
     * @return the running task, completed with its delay in seconds
     * @throws IllegalArgumentException if {@code maxDelay} is negative
     */
    public static CompletableFuture<Double> taskWaitRandom(int maxDelay) {
        throw new UnsupportedOperationException(
                "Task 3 is not done yet: write taskWaitRandom(maxDelay) in task3-tasks/src/main/java/workbook/task3/Tasks.java"
                        + " (see task3-tasks/README.md, section \"What to do\")");
    }
}
