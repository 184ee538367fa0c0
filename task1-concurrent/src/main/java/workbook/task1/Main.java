///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES ConcurrentCoroutines.java ../../../../../../task0-basic/src/main/java/workbook/task0/BasicAsyncSyntax.java
package workbook.task1;

/**
 * Task 1 harness (the course's {@code 1-main.py}): prints the delays of {@code waitN(5, 5)},
 * {@code waitN(10, 7)} and {@code waitN(10, 0)}, one list per line.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(ConcurrentCoroutines.waitN(5, 5).join());
            System.out.println(ConcurrentCoroutines.waitN(10, 7).join());
            System.out.println(ConcurrentCoroutines.waitN(10, 0).join());
        } catch (UnsupportedOperationException notDone) {
            // An untouched skeleton: its message says what to write, a stack trace would not.
            System.err.println(notDone.getMessage());
        }
    }
}
