///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES BasicAsyncSyntax.java
package workbook.task0;

/**
 * Task 0 harness (the course's {@code 0-main.py}): prints the delays of three waits, run one
 * after the other, one per line.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(BasicAsyncSyntax.waitRandom().join());
            System.out.println(BasicAsyncSyntax.waitRandom(5).join());
            System.out.println(BasicAsyncSyntax.waitRandom(15).join());
        } catch (UnsupportedOperationException notDone) {
            // An untouched skeleton: its message says what to write, a stack trace would not.
            System.err.println(notDone.getMessage());
        }
    }
}
