///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES ErrorHandling.java Outcome.java ../../../../../../task4-task-wait-n/src/main/java/workbook/task4/TaskWaitN.java ../../../../../../task3-tasks/src/main/java/workbook/task3/Tasks.java ../../../../../../task2-runtime/src/main/java/workbook/task2/MeasureRuntime.java ../../../../../../task1-concurrent/src/main/java/workbook/task1/ConcurrentCoroutines.java ../../../../../../task0-basic/src/main/java/workbook/task0/BasicAsyncSyntax.java
package workbook.task5;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Task 5 harness: the Java counterpart of the asyncio snippet in task5-errors/README.md. Prints
 * the outcomes of two successes and a failure gathered with {@code gatherSettled}, then what
 * {@code gatherOrCancel} does when one of two futures fails: it fails, and the slow one is cancelled.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(ErrorHandling.gatherSettled(List.of(ok(1, 0.2), boom(0.1), ok(3, 0.3))).join());
            var slow = ok(1, 1.0);
            try {
                ErrorHandling.gatherOrCancel(List.of(slow, boom(0.1))).join();
            } catch (CompletionException e) {
                System.out.println("gatherOrCancel failed: " + e.getCause().getMessage() + " | slow future cancelled: "
                        + slow.isCancelled());
            }
        } catch (UnsupportedOperationException notDone) {
            // An untouched skeleton: its message says what to write, a stack trace would not.
            System.err.println(notDone.getMessage());
        }
    }

    /** Completes with {@code value} after {@code seconds}, as {@code await asyncio.sleep(delay); return value}. */
    private static CompletableFuture<Integer> ok(int value, double seconds) {
        return CompletableFuture.supplyAsync(() -> value, after(seconds));
    }

    /** Fails after {@code seconds}, as {@code await asyncio.sleep(delay); raise ValueError("boom")}. */
    private static CompletableFuture<Integer> boom(double seconds) {
        return CompletableFuture.supplyAsync(() -> {
            throw new IllegalArgumentException("boom");
        }, after(seconds));
    }

    private static Executor after(double seconds) {
        return CompletableFuture.delayedExecutor(Math.round(seconds * 1e9), TimeUnit.NANOSECONDS);
    }
}
