package workbook.testkit;

import java.lang.management.ManagementFactory;

/**
 * Counts the platform threads a piece of code starts.
 *
 * <p>Virtual threads are not counted: the JVM's thread MXBean sees platform threads only, which
 * is the point: they are the scarce ones.
 */
public final class PlatformThreads {

    private PlatformThreads() {
    }

    /**
     * Runs {@code action} and returns how many more platform threads were alive at the peak,
     * during or right after it, than before it started.
     */
    public static int startedDuring(Runnable action) {
        var threads = ManagementFactory.getThreadMXBean();
        int before = threads.getThreadCount();
        threads.resetPeakThreadCount();
        action.run();
        return Math.max(0, threads.getPeakThreadCount() - before);
    }
}
