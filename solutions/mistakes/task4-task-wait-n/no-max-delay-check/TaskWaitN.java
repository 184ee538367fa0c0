package workbook.task4;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import workbook.task1.ConcurrentCoroutines;
import workbook.task3.Tasks;

/**
 * Task 4: many tasks at once (a correct solution with one common mistake, marked MISTAKE).
 */
public final class TaskWaitN {

    private TaskWaitN() {
    }

    /**
     * Starts {@code n} tasks of {@code taskWaitRandom(maxDelay)} and collects their delays in the
     * order the tasks complete: {@code waitN} with tasks instead of plain waits.
     *
     * @param n        how many tasks to start
     * @param maxDelay the longest delay of each task, in seconds
     * @return a future completed with the {@code n} delays, in completion order
     * @throws IllegalArgumentException if {@code n} or {@code maxDelay} is negative
     */
    public static CompletableFuture<List<Double>> taskWaitN(int n, int maxDelay) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        // MISTAKE: leaves the check of maxDelay to taskWaitRandom, so taskWaitN(0, -1) returns an empty list.
        var tasks = new ArrayList<CompletableFuture<Double>>(n);
        for (int i = 0; i < n; i++) {
            tasks.add(Tasks.taskWaitRandom(maxDelay));
        }
        return ConcurrentCoroutines.inCompletionOrder(tasks);
    }
}
