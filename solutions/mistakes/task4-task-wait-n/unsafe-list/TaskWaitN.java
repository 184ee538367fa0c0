package workbook.task4;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
        if (maxDelay < 0) {
            throw new IllegalArgumentException("maxDelay must not be negative: " + maxDelay);
        }
        var tasks = new ArrayList<CompletableFuture<Double>>(n);
        for (int i = 0; i < n; i++) {
            tasks.add(Tasks.taskWaitRandom(maxDelay));
        }
        // MISTAKE: collects by hand into an ArrayList from many threads at once, which loses
        // results (or throws), and then the future never completes.
        var delays = new ArrayList<Double>(n);
        var all = new CompletableFuture<List<Double>>();
        if (n == 0) {
            all.complete(delays);
        }
        for (var task : tasks) {
            task.thenAccept(delay -> {
                delays.add(delay);
                if (delays.size() == n) {
                    all.complete(delays);
                }
            });
        }
        return all;
    }
}
