///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES Timeouts.java ../../../../../../task5-errors/src/main/java/workbook/task5/ErrorHandling.java ../../../../../../task5-errors/src/main/java/workbook/task5/Outcome.java ../../../../../../task4-task-wait-n/src/main/java/workbook/task4/TaskWaitN.java ../../../../../../task3-tasks/src/main/java/workbook/task3/Tasks.java ../../../../../../task2-runtime/src/main/java/workbook/task2/MeasureRuntime.java ../../../../../../task1-concurrent/src/main/java/workbook/task1/ConcurrentCoroutines.java ../../../../../../task0-basic/src/main/java/workbook/task0/BasicAsyncSyntax.java
package workbook.task6;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Task 6 harness: the Java counterpart of the asyncio snippet in task6-timeouts/README.md. A
 * one-second wait cut off after 0.1 s by {@code withTimeout}, then four waits of 0.3, 0.1, 2.0 and
 * 0.2 s cut off after 0.5 s by {@code completedWithin}: three are done, the fourth is cancelled.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        try {
            var slow = waitFor(1.0);
            var timedOut = Timeouts.withTimeout(slow, Duration.ofMillis(100))
                    .handle((value, failure) -> failure instanceof TimeoutException).join();
            System.out.println("withTimeout: " + (timedOut ? "timed out" : "did not time out")
                    + " | source cancelled: " + slow.isCancelled());
            var waits = List.of(waitFor(0.3), waitFor(0.1), waitFor(2.0), waitFor(0.2));
            var done = Timeouts.completedWithin(waits, Duration.ofMillis(500)).join();
            System.out.println(done + " done; " + waits.stream().filter(CompletableFuture::isCancelled).count() + " cancelled");
        } catch (UnsupportedOperationException notDone) {
            // An untouched skeleton: its message says what to write, a stack trace would not.
            System.err.println(notDone.getMessage());
        }
    }

    /** Completes with {@code seconds} after that many seconds, as {@code await asyncio.sleep(delay); return delay}. */
    private static CompletableFuture<Double> waitFor(double seconds) {
        return new CompletableFuture<Double>().completeOnTimeout(seconds, Math.round(seconds * 1e9), TimeUnit.NANOSECONDS);
    }
}
