package workbook.task2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static workbook.testkit.Timing.format;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.testkit.Blocking;
import workbook.testkit.Blocking.Timed;
import workbook.testkit.Rejections;
import workbook.testkit.StudentCode;

/**
 * Graded tests of Task 2. Every call here waits at most one second; the calls of a test run side
 * by side.
 *
 * <p>The test reads {@link System#nanoTime()} right before and right after each call, so the
 * solution's own clock readings lie inside the test's: {@code measureTime(n, maxDelay) * n} can
 * only be shorter than what the test measured, by the little the call does outside its clock.
 */
@Tag("task:2")
@DisplayName("Task 2: measureTime")
class MeasureRuntimeTest {

    /** How much longer than the test's measure the solution's may be: floating-point rounding only. */
    private static final double ROUNDING = 0.005;

    /** How much shorter the solution's measure may be: the call's work outside its clock, on a loaded machine. */
    private static final double OUTSIDE = 0.15;

    @BeforeAll
    static void loadMeasureRuntime() throws ClassNotFoundException {
        // Loading the class is work outside the solution's clock: get it done before any timing.
        Class.forName(MeasureRuntime.class.getName(), true, MeasureRuntime.class.getClassLoader());
    }

    @Test
    @Order(3)
    @DisplayName("measureTime(n, maxDelay) returns only after every wait of waitN(n, maxDelay) is over")
    void waitsForWaitN() {
        var run = measure(50, 1);
        // The longest of 50 delays uniform in [0, 1] s is under 0.7 s with probability 0.7^50 < 1e-7.
        assertThat(run.seconds())
                .withFailMessage("measureTime(50, 1) returned after %s s, but the longest of its 50 waits of up to 1 s"
                        + " almost surely lasts more than 0.7 s: it did not wait for waitN to finish; join the future"
                        + " waitN returns before you read the clock the second time", format(run.seconds()))
                .isGreaterThanOrEqualTo(0.7);
    }

    @Test
    @Order(6)
    @DisplayName("measureTime(n, maxDelay) returns the elapsed time divided by n, not the total")
    @Tag("core")
    void dividesByN() {
        assertTimePerWait(50, 1, measure(50, 1));
    }

    @Test
    @Order(4)
    @DisplayName("measureTime(n, maxDelay) returns seconds, not milliseconds or nanoseconds")
    @Tag("core")
    void returnsSeconds() {
        // Three runs: a run in whole milliseconds could read 0 if its one delay were under 1 ms.
        for (var run : measureSideBySide(3, 1, 1)) {
            assertTimePerWait(1, 1, run);
        }
    }

    @Test
    @Order(5)
    @DisplayName("measureTime(n, maxDelay) keeps the fraction of a second, not whole seconds only")
    void keepsFractions() {
        // Each run lasts a random time under 1 s. Cut to whole seconds it reads 0 s, caught unless the
        // run took under OUTSIDE = 0.15 s, or 1 s, caught unless it took over 1 - ROUNDING s, the
        // delay plus the timer's lateness: a chance of at most 0.2 per run of going unnoticed, and
        // 0.2^12 < 1e-8 for twelve runs.
        for (var run : measureSideBySide(12, 1, 1)) {
            assertTimePerWait(1, 1, run);
        }
    }

    @Test
    @Order(7)
    @DisplayName("measureTime(n, maxDelay) * n is the time the call took, whatever n and maxDelay")
    void agreesWithTheClock() {
        record Args(int n, int maxDelay) {
        }
        var args = List.of(new Args(1, 0), new Args(5, 0), new Args(100, 0), new Args(2, 1), new Args(10, 1), new Args(200, 1));
        var calls = args.stream().map(a -> Blocking.start(() -> MeasureRuntime.measureTime(a.n(), a.maxDelay()))).toList();
        for (int i = 0; i < args.size(); i++) {
            var a = args.get(i);
            assertTimePerWait(a.n(), a.maxDelay(), finish(calls.get(i), a.n(), a.maxDelay()));
        }
    }

    @Test
    @Order(1)
    @DisplayName("measureTime(0, 1) and measureTime(-1, 1) throw IllegalArgumentException naming n and its value")
    void rejectsNBelowOne() {
        for (int n : new int[] {0, -1}) {
            Rejections.assertRejects("measureTime(%d, 1)".formatted(n), "n", n, "n must be at least 1: " + n,
                    () -> MeasureRuntime.measureTime(n, 1));
        }
    }

    @Test
    @Order(2)
    @DisplayName("measureTime(1, -1) throws IllegalArgumentException naming maxDelay and its value")
    void rejectsNegativeMaxDelay() {
        Rejections.assertRejects("measureTime(1, -1)", "maxDelay", -1, "maxDelay must not be negative: -1",
                () -> MeasureRuntime.measureTime(1, -1));
    }

    /** Calls {@code measureTime(n, maxDelay)} on a thread of its own and times it. */
    private static Timed<Double> measure(int n, int maxDelay) {
        return measureSideBySide(1, n, maxDelay).getFirst();
    }

    /** Makes {@code runs} calls of {@code measureTime(n, maxDelay)} at the same time, each on a thread of its own, and times each. */
    private static List<Timed<Double>> measureSideBySide(int runs, int n, int maxDelay) {
        var calls = IntStream.range(0, runs).mapToObj(i -> Blocking.start(() -> MeasureRuntime.measureTime(n, maxDelay))).toList();
        return calls.stream().map(call -> finish(call, n, maxDelay)).toList();
    }

    /** Waits at most 5 s for a call of {@code measureTime(n, maxDelay)} made by {@link Blocking#start}. */
    private static Timed<Double> finish(CompletableFuture<Timed<Double>> call, int n, int maxDelay) {
        try {
            return Blocking.await(call, 5, "measureTime(%d, %d)".formatted(n, maxDelay));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ", though none of its waits lasts more than %d s: are the waits of"
                    .formatted(maxDelay) + " waitN (Task 1) concurrent, and does measureTime pass n and maxDelay in this order?", e);
        }
    }

    /**
     * Asserts that {@code measureTime(n, maxDelay)} returned the time the call took divided by
     * {@code n}, in seconds, and otherwise names the likely mistake.
     */
    private static void assertTimePerWait(int n, int maxDelay, Timed<Double> run) {
        double perWait = run.value();
        double took = run.seconds();
        double total = perWait * n;
        if (total <= took + ROUNDING && total >= took - OUTSIDE) {
            return;
        }
        double ratio = total / took;
        String why;
        if (!Double.isFinite(perWait)) {
            why = "divide the elapsed seconds by n, which is at least 1";
        } else if (Math.abs(total - Math.rint(total)) < 1e-9 && total <= 2) {
            why = "the time was cut to whole seconds; use System.nanoTime() and divide as a double, e.g."
                    + " (System.nanoTime() - start) / 1e9 / n";
        } else if (n > 1 && about(ratio, n)) {
            why = "that is the total time of all the waits, not the time per wait; divide it by n";
        } else if (about(ratio, 1e3) || about(ratio, 1e3 * n)) {
            why = "that is milliseconds, not seconds" + (n > 1 && about(ratio, 1e3 * n) ? ", and the total, not divided by n" : "");
        } else if (about(ratio, 1e6) || about(ratio, 1e6 * n)) {
            why = "that is microseconds, not seconds; divide nanoseconds by 1e9";
        } else if (about(ratio, 1e9) || about(ratio, 1e9 * n)) {
            why = "that is nanoseconds, not seconds; divide System.nanoTime() differences by 1e9";
        } else if (total < took) {
            why = "it is less than the call took; read the clock right before calling waitN and again after joining"
                    + " the future it returns";
        } else {
            why = "it is more than the call took; measure the call of waitN with System.nanoTime(), in seconds";
        }
        fail("measureTime(%d, %d) returned %s, i.e. %s s for all %d waits, but the call took %s s: %s",
                n, maxDelay, perWait, format(total), n, format(took), why);
    }

    /** Returns whether {@code ratio} is {@code factor} give or take a factor of two. */
    private static boolean about(double ratio, double factor) {
        return ratio > factor / 2 && ratio < factor * 2;
    }

    @Test
    @Order(8)
    @DisplayName("MeasureRuntime uses only the APIs a workbook task may use")
    void usesOnlyAllowedApis() {
        // The check reads the compiled class; a call first makes sure it reads code that runs.
        MeasureRuntime.measureTime(1, 0);
        StudentCode.of(MeasureRuntime.class).assertOnlyAllowedApis();
    }
}
