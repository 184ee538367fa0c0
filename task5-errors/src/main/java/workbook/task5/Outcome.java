package workbook.task5;

import java.util.Objects;

/**
 * How a stage ended: with a value, or with a failure. Given complete: Task 5 uses it, it does not
 * change it.
 *
 * <p>A sealed interface with two records, so that a {@code switch} on an outcome lists both cases
 * and the compiler checks that none is missing:
 * <pre>{@code
 * String text = switch (outcome) {
 *     case Outcome.Success<Integer>(var value) -> "got " + value;
 *     case Outcome.Failure<Integer>(var cause) -> "failed: " + cause.getMessage();
 * };
 * }</pre>
 *
 * @param <T> the type of the value
 */
public sealed interface Outcome<T> {

    /**
     * A stage that completed normally.
     *
     * @param value its value, possibly null
     */
    record Success<T>(T value) implements Outcome<T> {
    }

    /**
     * A stage that completed exceptionally.
     *
     * @param cause the exception it failed with, never null and never a {@code CompletionException}
     *              that only wraps it
     */
    record Failure<T>(Throwable cause) implements Outcome<T> {

        public Failure {
            Objects.requireNonNull(cause, "cause");
        }
    }
}
