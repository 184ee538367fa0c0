package workbook.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.concurrent.Callable;

/**
 * Graded checks that a bad argument is rejected as every student method must reject it: at once,
 * by the call itself, with an {@link IllegalArgumentException} whose message names the argument
 * and its value.
 */
public final class Rejections {

    private Rejections() {
    }

    /**
     * Asserts that {@code code} throws an {@link IllegalArgumentException} whose message names
     * {@code argument} (as a word) and {@code value}.
     *
     * @param call     the call, as the student would write it, e.g. {@code "waitRandom(-1)"}
     * @param argument the bad argument's name, e.g. {@code "maxDelay"}
     * @param value    the bad argument's value
     * @param example  a good message, e.g. {@code "maxDelay must not be negative: -1"}
     * @param code     makes the call
     * @throws UnsupportedOperationException as thrown by an untouched skeleton, whose message
     *                                       says what to do
     */
    public static void assertRejects(String call, String argument, int value, String example, Callable<?> code) {
        Object returned = null;
        Throwable thrown = null;
        try {
            returned = code.call();
        } catch (Throwable e) {
            thrown = e;
        }
        if (thrown == null) {
            fail("%s returned %s instead of throwing IllegalArgumentException: check %s before anything else and throw"
                    + " at once (not a failed future, not a result)", call, returned, argument);
        }
        if (thrown instanceof UnsupportedOperationException notDone) {
            throw notDone; // an untouched skeleton: its own message says what to do
        }
        assertThat(thrown)
                .withFailMessage("%s threw %s instead of IllegalArgumentException: check %s before anything else",
                        call, thrown, argument)
                .isInstanceOf(IllegalArgumentException.class);
        var message = String.valueOf(thrown.getMessage());
        assertThat(message.matches("(?s).*\\b" + argument + "\\b.*") && message.contains(String.valueOf(value)))
                .withFailMessage("%s threw IllegalArgumentException(\"%s\"), which does not name the argument and its"
                        + " value: write e.g. \"%s\"", call, message, example)
                .isTrue();
    }
}
