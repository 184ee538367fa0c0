package workbook.task2;

/**
 * Task 2: measuring what concurrency saves.
 *
 * <p>Write {@code measureTime(n, maxDelay)}: a plain, blocking method that runs
 * {@code ConcurrentCoroutines.waitN(n, maxDelay)} to completion and returns the elapsed
 * wall-clock time divided by {@code n}, in seconds, read with {@link System#nanoTime()}.
 * {@code n < 1} or a negative {@code maxDelay} throws {@link IllegalArgumentException}.
 *
 * <p>Read task2-runtime/README.md, then test with {@code ./mvnw test -pl task2-runtime -am -Dgroups=task:2}.
 */
public final class MeasureRuntime {

    private MeasureRuntime() {
    }

    /**
     * Runs {@code waitN(n, maxDelay)} to completion and returns the elapsed time per wait.
     *
     * @param n        how many waits to run, at least 1
     * @param maxDelay the longest delay of each wait, in seconds
     * @return the elapsed wall-clock time divided by {@code n}, in seconds
     * @throws IllegalArgumentException if {@code n} is less than 1 or {@code maxDelay} is negative
     */
    public static double measureTime(int n, int maxDelay) {
        throw new UnsupportedOperationException(
                "Task 2 is not done yet: write measureTime(n, maxDelay) in task2-runtime/src/main/java/workbook/task2/MeasureRuntime.java"
                        + " (see task2-runtime/README.md, section \"What to do\")");
    }
}
