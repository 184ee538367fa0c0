///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES Tasks.java ../../../../../../task2-runtime/src/main/java/workbook/task2/MeasureRuntime.java ../../../../../../task1-concurrent/src/main/java/workbook/task1/ConcurrentCoroutines.java ../../../../../../task0-basic/src/main/java/workbook/task0/BasicAsyncSyntax.java
package workbook.task3;

/**
 * Task 3 harness (the course's {@code 3-main.py}): creates a task of
 * {@code taskWaitRandom(5)}, waits for it and prints its class.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        try {
            var task = Tasks.taskWaitRandom(5);
            task.join();
            System.out.println(task.getClass());
        } catch (UnsupportedOperationException notDone) {
            // An untouched skeleton: its message says what to write, a stack trace would not.
            System.err.println(notDone.getMessage());
        }
    }
}
