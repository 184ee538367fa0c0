package workbook.task2;

import workbook.task1.ConcurrentCoroutines;

/**
 * Task 2: measuring what concurrency saves (a correct solution with one common mistake, marked MISTAKE).
 */
public final class MeasureRuntime {

    private MeasureRuntime() {
    }

    /**
     * Runs {@code waitN(n, maxDelay)} to completion and returns the elapsed time per wait.
     *
     * <p>Blocks the calling thread until every wait is over. The time is read from
     * {@link System#nanoTime()}, which never jumps when the wall clock is set.
     *
     * @param n        how many waits to run, at least 1
     * @param maxDelay the longest delay of each wait, in seconds
     * @return the elapsed wall-clock time divided by {@code n}, in seconds
     * @throws IllegalArgumentException if {@code n} is less than 1 or {@code maxDelay} is negative
     */
    public static double measureTime(int n, int maxDelay) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1: " + n);
        }
        if (maxDelay < 0) {
            throw new IllegalArgumentException("maxDelay must not be negative: " + maxDelay);
        }
        long start = System.nanoTime();
        ConcurrentCoroutines.waitN(n, maxDelay).join();
        // MISTAKE: returns milliseconds, not seconds.
        return (System.nanoTime() - start) / 1e6 / n;
    }
}
