///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES TaskWaitN.java ../../../../../../task3-tasks/src/main/java/workbook/task3/Tasks.java ../../../../../../task2-runtime/src/main/java/workbook/task2/MeasureRuntime.java ../../../../../../task1-concurrent/src/main/java/workbook/task1/ConcurrentCoroutines.java ../../../../../../task0-basic/src/main/java/workbook/task0/BasicAsyncSyntax.java
package workbook.task4;

/**
 * Task 4 harness (the course's {@code 4-main.py}): prints the delays of
 * {@code taskWaitN(5, 6)}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        try {
            int n = 5;
            int maxDelay = 6;
            System.out.println(TaskWaitN.taskWaitN(n, maxDelay).join());
        } catch (UnsupportedOperationException notDone) {
            // An untouched skeleton: its message says what to write, a stack trace would not.
            System.err.println(notDone.getMessage());
        }
    }
}
