package workbook.testkit;

import static org.assertj.core.api.Assertions.fail;

import java.util.concurrent.Callable;

/** Checks that a student's method rejects a bad argument the way SPEC §3 asks. */
public final class Arguments {

    private Arguments() {
    }

    /**
     * Asserts that {@code call} throws {@link IllegalArgumentException} at once, with a message
     * that names {@code argument} and {@code value}.
     *
     * <p>An {@link UnsupportedOperationException} (an untouched skeleton) is rethrown as is, so the
     * student reads the skeleton's own instructions.
     *
     * @param what the call as the student wrote it, e.g. {@code "waitRandom(-1)"}
     */
    public static void assertRejected(String what, String argument, Object value, Callable<?> call) {
        Object returned;
        try {
            returned = call.call();
        } catch (IllegalArgumentException e) {
            var message = String.valueOf(e.getMessage());
            if (!message.contains(argument) || !message.contains(String.valueOf(value))) {
                fail("%s threw IllegalArgumentException(\"%s\"): name the argument and its value, e.g. \"%s must not be negative: %s\"",
                        what, message, argument, value);
            }
            return;
        } catch (UnsupportedOperationException e) {
            throw e;
        } catch (Exception e) {
            fail("%s threw %s: throw IllegalArgumentException for a bad %s".formatted(what, e, argument), e);
            return;
        }
        fail("%s returned %s instead of throwing: check %s before anything else and throw IllegalArgumentException"
                + " at once (not a failed future)", what, returned, argument);
    }
}
