///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES Retry.java ../../../../../../task7-limits/src/main/java/workbook/task7/Limits.java ../../../../../../task6-timeouts/src/main/java/workbook/task6/Timeouts.java ../../../../../../task5-errors/src/main/java/workbook/task5/ErrorHandling.java ../../../../../../task5-errors/src/main/java/workbook/task5/Outcome.java ../../../../../../task4-task-wait-n/src/main/java/workbook/task4/TaskWaitN.java ../../../../../../task3-tasks/src/main/java/workbook/task3/Tasks.java ../../../../../../task2-runtime/src/main/java/workbook/task2/MeasureRuntime.java ../../../../../../task1-concurrent/src/main/java/workbook/task1/ConcurrentCoroutines.java ../../../../../../task0-basic/src/main/java/workbook/task0/BasicAsyncSyntax.java
package workbook.task8;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Task 8 harness: the Java counterpart of the asyncio snippet in task8-retry/README.md. An attempt
 * that fails twice, then succeeds, retried with a first backoff of 0.1 s: it succeeds at the third
 * attempt, after waits of 0.1 and 0.2 s. Then an attempt that always fails, three times: the last
 * failure, with the earlier two suppressed.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        try {
            var calls = new ArrayList<Long>();
            var value = Retry.retry(() -> flaky(calls, 3), 5, Duration.ofMillis(100)).join();
            var waits = IntStream.range(1, calls.size())
                    .mapToObj(i -> String.format(Locale.ROOT, "%.1f", (calls.get(i) - calls.get(i - 1)) / 1e9))
                    .collect(Collectors.joining(", ", "[", "]"));
            System.out.println(value + " after " + calls.size() + " attempts; waits: " + waits);
            var failing = new ArrayList<Long>();
            var failure = Retry.retry(() -> flaky(failing, Integer.MAX_VALUE), 3, Duration.ofMillis(50))
                    .handle((v, e) -> e).join();
            System.out.println("gave up: " + failure.getMessage() + " (earlier: " + Arrays.stream(failure.getSuppressed())
                    .map(Throwable::getMessage).collect(Collectors.joining(", ")) + ")");
        } catch (UnsupportedOperationException notDone) {
            // An untouched skeleton: its message says what to write, a stack trace would not.
            System.err.println(notDone.getMessage());
        }
    }

    /** Fails until its {@code succeedAt}-th call, then gives "ok", as the snippet's flaky(). */
    private static CompletableFuture<String> flaky(List<Long> calls, int succeedAt) {
        calls.add(System.nanoTime());
        return calls.size() < succeedAt
                ? CompletableFuture.failedFuture(new IllegalStateException("attempt " + calls.size() + " failed"))
                : CompletableFuture.completedFuture("ok");
    }
}
