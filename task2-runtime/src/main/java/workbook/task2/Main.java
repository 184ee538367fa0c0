///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES MeasureRuntime.java ../../../../../../task1-concurrent/src/main/java/workbook/task1/ConcurrentCoroutines.java ../../../../../../task0-basic/src/main/java/workbook/task0/BasicAsyncSyntax.java
package workbook.task2;

/**
 * Task 2 harness (the course's {@code 2-main.py}): prints the time per wait of
 * {@code measureTime(5, 9)}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        try {
            int n = 5;
            int maxDelay = 9;
            System.out.println(MeasureRuntime.measureTime(n, maxDelay));
        } catch (UnsupportedOperationException notDone) {
            // An untouched skeleton: its message says what to write, a stack trace would not.
            System.err.println(notDone.getMessage());
        }
    }
}
