package workbook.task4;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Task 4: many tasks at once.
 *
 * <p>Write {@code taskWaitN(n, maxDelay)}: nearly identical to {@code waitN} of Task 1, except
 * that {@code Tasks.taskWaitRandom} is called. Start {@code n} tasks at once and return their
 * delays through {@code ConcurrentCoroutines.inCompletionOrder}, without sorting. Negative
 * {@code n} or {@code maxDelay} throws {@link IllegalArgumentException}.
 *
 * <p>Read task4-task-wait-n/README.md, then test with {@code ./mvnw test -pl task4-task-wait-n -am -Dgroups=task:4}.
 */
public final class TaskWaitN {

    private TaskWaitN() {
    }

    /**
     * Starts {@code n} tasks of {@code taskWaitRandom(maxDelay)} and collects their delays in the
     * order the tasks complete.
     *
     * @param n        how many tasks to start
     * @param maxDelay the longest delay of each task, in seconds
     * @return a future completed with the {@code n} delays, in completion order
     * @throws IllegalArgumentException if {@code n} or {@code maxDelay} is negative
     */
    public static CompletableFuture<List<Double>> taskWaitN(int n, int maxDelay) {
        throw new UnsupportedOperationException(
                "Task 4 is not done yet: write taskWaitN(n, maxDelay) in task4-task-wait-n/src/main/java/workbook/task4/TaskWaitN.java"
                        + " (see task4-task-wait-n/README.md, section \"What to do\")");
    }
}
