package workbook.task8;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Task 8: retrying with backoff.
 *
 * <p>Write {@code retry(attempt, maxAttempts, firstBackoff)}: it calls {@code attempt} until one
 * attempt succeeds, at most {@code maxAttempts} times, and waits {@code firstBackoff}, then twice
 * that, four times that, ... between attempts, without holding a thread while it waits (a JDK
 * timer, as in Task 0). The first attempt is made at once, on the caller's thread, and the call
 * returns at once. After the last failed attempt it fails with the last failure, the earlier ones
 * attached as suppressed exceptions, in order. An attempt that throws, or returns null, counts as a
 * failed attempt. Once the returned future is cancelled, no further attempt is made.
 *
 * <p>A null {@code attempt} or {@code firstBackoff} throws {@code NullPointerException};
 * {@code maxAttempts < 1} or a negative {@code firstBackoff} throws {@code IllegalArgumentException}
 * naming the argument and its value. A zero backoff is allowed.
 *
 * <p>Read task8-retry/README.md, then test with {@code ./mvnw test -pl task8-retry -am -Dgroups=task:8}.
 */
public final class Retry {

    private Retry() {
    }

    /** Calls {@code attempt} until one attempt succeeds, at most {@code maxAttempts} times, with exponential backoff. */
    public static <T> CompletableFuture<T> retry(Supplier<? extends CompletionStage<? extends T>> attempt, int maxAttempts,
                                                 Duration firstBackoff) {
        throw new UnsupportedOperationException(
                "Task 8 is not done yet: write retry(attempt, maxAttempts, firstBackoff) in task8-retry/src/main/java/workbook/task8/Retry.java"
                        + " (see task8-retry/README.md, section \"What to do\")");
    }
}
