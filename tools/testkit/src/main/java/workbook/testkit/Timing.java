package workbook.testkit;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
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
            return fail(blockedThreads().map(blocked -> "%s did not complete within %s s while %s: waits that hold a thread"
                            .formatted(what, format(limitSeconds), blocked) + " queue up for the few threads a pool has, so"
                            + " this test's waits were starved by the others'; wait with a timer (delayedExecutor) or a"
                            + " virtual thread, never by blocking a pool's thread")
                    .orElse("%s did not complete within %s s: is every future you return completed at the end of its wait?"
                            .formatted(what, format(limitSeconds))));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                return fail(("%s completed exceptionally with %s: a wait that is over completes its future with a value"
                        + " (completeOnTimeout), it does not fail it (orTimeout)").formatted(what, e.getCause()), e.getCause());
            }
            return fail("%s completed exceptionally with %s".formatted(what, e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for " + what, e);
        }
    }

    /**
     * Describes the pool threads blocked in a student's class right now (sleeping, waiting or
     * joining inside it), e.g. {@code "8 threads were blocked in your code (e.g. pool-1-thread-1:
     * Thread.sleep in BasicAsyncSyntax.java:31)"}: the sign that a test failed not by its own call
     * but because other waits hold the threads it needs. A thread that runs a test (a JUnit frame
     * on its stack) and calls the student's code does not count: only threads the code runs on do.
     */
    public static Optional<String> blockedThreads() {
        var students = Task.all().stream().map(Task::studentClass).toList();
        var blocked = new ArrayList<String>();
        for (var entry : Thread.getAllStackTraces().entrySet()) {
            var state = entry.getKey().getState();
            var stack = entry.getValue();
            boolean blocking = state == Thread.State.TIMED_WAITING || state == Thread.State.WAITING
                    || state == Thread.State.BLOCKED;
            if (!blocking || Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("org.junit."))) {
                continue;
            }
            for (int i = 1; i < stack.length; i++) {
                var mine = stack[i];
                if (students.stream().anyMatch(c -> mine.getClassName().equals(c) || mine.getClassName().startsWith(c + "$"))) {
                    // The frame above the student's is the call that blocks: Thread.sleep, join, get, ...
                    blocked.add("%s: %s.%s in %s:%d".formatted(entry.getKey().getName(), simpleName(stack[i - 1].getClassName()),
                            stack[i - 1].getMethodName(), mine.getFileName(), mine.getLineNumber()));
                    break;
                }
            }
        }
        return blocked.isEmpty() ? Optional.empty()
                : Optional.of("%d thread%s blocked in your code (e.g. %s)".formatted(blocked.size(),
                        blocked.size() == 1 ? " was" : "s were", blocked.stream().sorted().findFirst().orElseThrow()));
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Formats seconds for a failure message: at most three decimals, no trailing zeros. */
    public static String format(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds).replaceAll("\\.?0+$", "");
    }
}
