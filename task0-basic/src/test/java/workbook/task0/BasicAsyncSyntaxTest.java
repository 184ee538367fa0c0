package workbook.task0;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.testkit.Timing.await;
import static workbook.testkit.Timing.format;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.testkit.PlatformThreads;
import workbook.testkit.RandomWaits;
import workbook.testkit.Rejections;
import workbook.testkit.StudentCode;

/**
 * Graded tests of Task 0. Every delay here is at most one second; the default of ten seconds is
 * checked by counting how many waits end early, not by waiting for them.
 */
@Tag("task:0")
@DisplayName("Task 0: waitRandom")
class BasicAsyncSyntaxTest {

    /** Delays of 1 000 concurrent waitRandom(1), shared by the tests that check their values. */
    private static final Samples SAMPLES = new Samples();

    @Test
    @Order(2)
    @DisplayName("waitRandom(maxDelay) returns at once, before its wait is over")
    @Tag("core")
    void returnsAtOnce() {
        RandomWaits.assertReturnsAtOnce("waitRandom(1)", () -> BasicAsyncSyntax.waitRandom(1),
                "return the future at once and let a timer complete it when the delay has passed");
    }

    @Test
    @Order(7)
    @DisplayName("waitRandom(1) completes after as many seconds as the value it returns")
    void waitsTheTimeItReturns() {
        RandomWaits.assertCompletesAfterItsDelay("waitRandom(1)", () -> BasicAsyncSyntax.waitRandom(1));
    }

    @Test
    @Order(6)
    @DisplayName("waitRandom(maxDelay) returns delays between 0 and maxDelay")
    void staysInRange() {
        RandomWaits.assertInRange("waitRandom(1)", 1, SAMPLES.get());
    }

    @Test
    @Order(5)
    @DisplayName("waitRandom(maxDelay) picks a new, non-integer random delay on every call")
    void picksFreshFractionalDelays() {
        var delays = SAMPLES.get();
        long distinct = delays.stream().distinct().count();
        long whole = delays.stream().filter(d -> d == Math.rint(d)).count();
        assertThat(distinct)
                .withFailMessage("%d calls of waitRandom(1) gave only %d different delays: pick a new random double on"
                        + " every call (one shared random generator, not a new one with a fixed seed)",
                        delays.size(), distinct)
                .isGreaterThanOrEqualTo(delays.size() - 10);
        assertThat(whole)
                .withFailMessage("%d of %d delays from waitRandom(1) were whole numbers: pick a random double, not a"
                        + " random int", whole, delays.size())
                .isLessThanOrEqualTo(5);
    }

    @Test
    @Order(9)
    @DisplayName("waitRandom(maxDelay) spreads its delays evenly over [0, maxDelay]")
    void isUniform() {
        var delays = SAMPLES.get();
        double mean = delays.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double lowQuarter = delays.stream().filter(d -> d < 0.25).count() / (double) delays.size();
        // For 1 000 uniform delays both figures stay within 5 standard deviations of these bounds.
        assertThat(Math.abs(mean - 0.5) < 0.05 && Math.abs(lowQuarter - 0.25) < 0.08)
                .withFailMessage("%d delays from waitRandom(1) have mean %s (expected about 0.5) and %s%% of them are"
                        + " below 0.25 (expected about 25%%): draw the delay uniformly, e.g. random.nextDouble() * maxDelay",
                        delays.size(), format(mean), Math.round(lowQuarter * 100))
                .isTrue();
    }

    @Test
    @Order(11)
    @DisplayName("waitRandom(3) spreads its delays over [0, 3] seconds")
    void usesMaxDelay() {
        assertMaxDelay("waitRandom(3)", 3, () -> BasicAsyncSyntax.waitRandom(3));
    }

    @Test
    @Order(10)
    @DisplayName("waitRandom() waits up to 10 seconds by default")
    void defaultsToTen() {
        assertMaxDelay("waitRandom()", 10, BasicAsyncSyntax::waitRandom);
    }

    @Test
    @Order(8)
    @DisplayName("waitRandom(0) completes with 0.0 at once")
    void zeroMaxDelay() {
        double delay = await(BasicAsyncSyntax.waitRandom(0), 1, "waitRandom(0)");
        assertThat(delay).withFailMessage("waitRandom(0) completed with %s: the only delay in [0, 0] is 0.0", delay)
                .isEqualTo(0.0);
    }

    @Test
    @Order(1)
    @DisplayName("waitRandom(-1) throws IllegalArgumentException naming maxDelay and its value")
    void rejectsNegativeMaxDelay() {
        Rejections.assertRejects("waitRandom(-1)", "maxDelay", -1, "maxDelay must not be negative: -1",
                () -> BasicAsyncSyntax.waitRandom(-1));
    }

    @Test
    @Order(4)
    @DisplayName("1 000 waitRandom(1) at once all finish in about 1 second")
    @Tag("core")
    void thousandWaitsDoNotQueue() {
        RandomWaits.assertThousandAtOnceTakeOneSecond("waitRandom(1)", () -> BasicAsyncSyntax.waitRandom(1),
                "do not sleep on a shared pool, let a timer complete each future");
    }

    @Test
    @Order(3)
    @DisplayName("10 000 pending waits do not take a platform thread each")
    @Tag("core")
    void noThreadPerWait() {
        int n = 10_000;
        var futures = new ArrayList<CompletableFuture<Double>>(n);
        int started = PlatformThreads.startedDuring(() -> {
            for (int i = 0; i < n; i++) {
                futures.add(BasicAsyncSyntax.waitRandom(1));
            }
        });
        assertThat(started)
                .withFailMessage("%d pending calls of waitRandom(1) started %d platform threads: a thread per wait does"
                        + " not scale; use a JDK timer (e.g. CompletableFuture.delayedExecutor) or virtual threads",
                        n, started)
                .isLessThan(500);
        await(CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)), 5, n + " calls of waitRandom(1)");
    }

    /**
     * Asserts that {@code call} waits up to {@code expected} seconds, from how many of 10 000 calls
     * complete with a delay of at most one second: a share of {@code 1 / maxDelay} for delays
     * uniform in [0, maxDelay].
     */
    private static void assertMaxDelay(String call, int expected, Supplier<CompletableFuture<Double>> wait) {
        int n = 10_000;
        var futures = IntStream.range(0, n).mapToObj(i -> wait.get()).toList();
        // Count the delays of at most 1 s, read once those waits are surely over: a busy machine
        // may end a wait late, but not a whole second late.
        await(CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS)),
                10, "a two-second timer");
        long early = futures.stream()
                .filter(f -> f.isDone() && !f.isCompletedExceptionally() && f.join() <= 1.0)
                .count();
        double implied = early == 0 ? Double.POSITIVE_INFINITY : n / (double) early;
        // For delays uniform in [0, maxDelay], a share 1 / maxDelay of them is at most 1 s; over
        // 10 000 calls that share has a standard deviation under 0.5 %: these bounds are more
        // than 5 deviations away for a correct solution.
        assertThat(implied)
                .withFailMessage("%d of %d calls of %s ended within 1 s with a delay of at most 1 s, as if the longest"
                        + " delay were %s s instead of %d s: check the delay's range and the default", early, n, call,
                        Double.isInfinite(implied) ? "endless" : format(implied), expected)
                .isBetween(expected * 0.8, expected * 1.25);
    }

    /** Lazily collects, once for all tests, the delays of 1 000 concurrent waitRandom(1). */
    private static final class Samples {
        private List<Double> delays;

        synchronized List<Double> get() {
            if (delays == null) {
                var futures = IntStream.range(0, 1_000).mapToObj(i -> BasicAsyncSyntax.waitRandom(1)).toList();
                await(CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)), 5, "1000 calls of waitRandom(1)");
                delays = futures.stream().map(CompletableFuture::join).toList();
            }
            return delays;
        }
    }

    @Test
    @Order(12)
    @DisplayName("BasicAsyncSyntax uses only the APIs a workbook task may use")
    void usesOnlyAllowedApis() {
        // The check reads the compiled class; a call first makes sure it reads code that runs.
        BasicAsyncSyntax.waitRandom(0).join();
        StudentCode.of(BasicAsyncSyntax.class).assertOnlyAllowedApis();
    }
}
