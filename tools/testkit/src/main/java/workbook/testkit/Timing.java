package workbook.testkit;

import static org.assertj.core.api.Assertions.fail;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bounded waits and clock readings for the graded suites.
 *
 * <p>Every wait on a student's future goes through {@link #await}, so that a future that never
 * completes fails its test with a sentence instead of hanging the grader.
 */
public final class Timing {

    private Timing() {
    }

    /** Returns the seconds elapsed since {@code startNanos}, a reading of {@link System#nanoTime()}. */
    public static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * Waits at most {@code limitSeconds} for {@code future} and returns its result.
     *
     * @param what the call that made the future, as the student wrote it, e.g. {@code "waitRandom(1)"}
     * @throws AssertionError if the future does not complete in time, or completes exceptionally
     */
    public static <T> T await(CompletableFuture<T> future, double limitSeconds, String what) {
        try {
            return future.get(Math.round(limitSeconds * 1e9), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return fail("%s did not complete within %s s: is every future you return completed at the end of its wait?",
                    what, format(limitSeconds));
        } catch (ExecutionException e) {
            return fail("%s completed exceptionally with %s".formatted(what, e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for " + what, e);
        }
    }

    /** Formats seconds for a failure message: at most three decimals, no trailing zeros. */
    public static String format(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds).replaceAll("\\.?0+$", "");
    }
}
