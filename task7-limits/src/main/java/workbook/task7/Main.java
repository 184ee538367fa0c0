///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES Limits.java ../../../../../../task6-timeouts/src/main/java/workbook/task6/Timeouts.java ../../../../../../task5-errors/src/main/java/workbook/task5/ErrorHandling.java ../../../../../../task5-errors/src/main/java/workbook/task5/Outcome.java ../../../../../../task4-task-wait-n/src/main/java/workbook/task4/TaskWaitN.java ../../../../../../task3-tasks/src/main/java/workbook/task3/Tasks.java ../../../../../../task2-runtime/src/main/java/workbook/task2/MeasureRuntime.java ../../../../../../task1-concurrent/src/main/java/workbook/task1/ConcurrentCoroutines.java ../../../../../../task0-basic/src/main/java/workbook/task0/BasicAsyncSyntax.java
package workbook.task7;

import java.util.Collections;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Task 7 harness: the Java counterpart of the asyncio snippet in task7-limits/README.md. Nine
 * waits of 0.2 s, three at a time, take 0.6 s with never more than three at once; then
 * {@code waitNLimited(20, 1, 5)} takes about n / limit × 0.5 s = 2 s.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        try {
            var running = new AtomicInteger();
            var peak = new AtomicInteger();
            Supplier<CompletableFuture<Double>> wait = () -> {
                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                return new CompletableFuture<Double>().completeOnTimeout(0.2, 200, TimeUnit.MILLISECONDS)
                        .whenComplete((delay, failure) -> running.decrementAndGet());
            };
            long start = System.nanoTime();
            Limits.limited(Collections.nCopies(9, wait), 3).join();
            System.out.printf(Locale.ROOT, "9 waits of 0.2 s, 3 at a time: %.1f s, at most %d at once%n",
                    (System.nanoTime() - start) / 1e9, peak.get());
            start = System.nanoTime();
            var delays = Limits.waitNLimited(20, 1, 5).join();
            System.out.printf(Locale.ROOT, "waitNLimited(20, 1, 5): %d delays in %.1f s (n / limit x 0.5 s = 2.0 s)%n",
                    delays.size(), (System.nanoTime() - start) / 1e9);
        } catch (UnsupportedOperationException notDone) {
            // An untouched skeleton: its message says what to write, a stack trace would not.
            System.err.println(notDone.getMessage());
        }
    }
}
