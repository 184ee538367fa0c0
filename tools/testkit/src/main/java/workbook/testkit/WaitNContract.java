package workbook.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static workbook.testkit.Timing.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The graded checks that Task 1's {@code waitN} and Task 4's {@code taskWaitN} share: both start
 * {@code n} random waits at once and return their delays in the order the waits complete.
 *
 * <p>Each suite makes one contract for its method and calls one check per test, so both tasks
 * catch the same mistakes with the same messages. Every call runs on a thread of its own, so a
 * call that blocks fails its check after a bound instead of hanging the test. The checks that
 * need 1 000 real waits share one call, made by the first of them to run; the contract is safe
 * to use from tests that run at the same time.
 */
public final class WaitNContract {

    /** The method under test, e.g. {@code ConcurrentCoroutines::waitN}. */
    @FunctionalInterface
    public interface WaitN {
        CompletableFuture<List<Double>> call(int n, int maxDelay);
    }

    /**
     * The resource that the tests which keep many threads busy take for their own
     * ({@code @ResourceLock(CPU)}) and that the tests of the shared 1 000 waits read
     * ({@code @ResourceLock(value = CPU, mode = READ)}), so that the order of those waits is not
     * shuffled by a test that floods the machine at the same moment.
     */
    public static final String CPU = "workbook.cpu";

    /** What the completion order may differ from ascending by, on top of the time it took to start every wait. */
    private static final double SLACK = 0.02;

    /** What a delay may end early by: a timer rounds it to its clock's resolution. */
    private static final double EARLY = 0.005;

    /** The 1 000 waits shared by the checks, and how long they are waited for before giving up. */
    private static final int SHARED_N = 1_000;
    private static final double SHARED_LIMIT = 10;

    /** Names the sorting methods and sorted collections a solution must not use (class files name them so). */

    private final String name;
    private final WaitN method;
    private final Supplier<? extends CompletionStage<?>> probe;
    private Run shared;
    private double controlAfter;

    /**
     * @param name   the method's name as students write it, e.g. {@code "waitN"}
     * @param method the method under test
     * @param probe  starts one wait of 0 s the way the method starts each of its waits, e.g.
     *               {@code () -> BasicAsyncSyntax.waitRandom(0)}: started right after a call, it
     *               ends once the waits started before it are under way, which tells when the
     *               call's waits had all started
     */
    public WaitNContract(String name, WaitN method, Supplier<? extends CompletionStage<?>> probe) {
        this.name = name;
        this.method = method;
        this.probe = probe;
    }

    /** Asserts that {@code (100, 1)} returns a pending future at once. */
    public void returnsAtOnce() {
        var run = run(100, 1, 0.5, 0);
        if (run.returnedAfter() > 0.5) {
            fail("%s did not return within 0.5 s: it waits for the delays before returning; start the waits and return"
                    + " the future of their results at once", run.call());
        }
        if (run.doneOnReturn()) {
            fail("%s returned after %s s a future that was already complete: it waited for the delays (or did not"
                    + " wait at all) before returning; return a future that the waits complete later",
                    run.call(), format(run.returnedAfter()));
        }
    }

    /**
     * Asserts that {@code (1000, 1)} completes within a second of a plain one-second JDK timer
     * started with it: its waits run at the same time. The timer is the yardstick, so a machine
     * that is busy enough to make every timer late does not fail a correct solution.
     */
    public void runsConcurrently() {
        var run = shared();
        assertThat(run.completedAfter())
                .withFailMessage("%s took %s s, although a plain 1-s timer started with it fired after %s s: its"
                        + " waits should run at the same time and end together with that timer (the longest delay is"
                        + " at most 1 s); start every wait before waiting for any", run.call(),
                        format(run.completedAfter()), format(controlAfter))
                .isLessThanOrEqualTo(controlAfter + 1);
    }

    /**
     * Asserts that the delays of {@code (1000, 1)} come out ascending, up to the time it took to
     * start the waits: a wait's timer starts when the wait is created, so a wait created later with
     * a slightly shorter delay may end after an earlier one (Python's asyncio does the same).
     */
    public void completesInOrder() {
        var run = shared();
        assertNoNulls(run);
        double started = run.startedAfter();
        double allowed = started + SLACK;
        var delays = run.delays();
        double max = 0;
        for (int i = 0; i < delays.size(); i++) {
            double delay = delays.get(i);
            if (delay < max - allowed) {
                fail("%s gave %s at position %d, after %s: more than %s s out of order. Results must come out as the"
                        + " waits complete, which is ascending up to the time it took to start them all (%s s here),"
                        + " plus 20 ms: a wait's timer starts when the wait starts, so a wait started later with a"
                        + " slightly shorter delay may end a little after an earlier one. Collect each delay when its"
                        + " wait completes, not in the order you started the waits", run.call(), delay, i, max,
                        format(allowed), format(started));
            }
            max = Math.max(max, delay);
        }
    }

    /** Asserts that {@code (1000, 1)} completes with 1 000 delays in [0, 1], once the longest has passed. */
    public void waitsForEveryWait() {
        var run = shared();
        var delays = run.delays();
        assertNoNulls(run);
        assertThat(delays.size())
                .withFailMessage("%s completed with %d delays instead of %d: complete the returned future only when"
                        + " every wait has finished and its delay is in the list (start exactly n waits)",
                        run.call(), delays.size(), SHARED_N)
                .isEqualTo(SHARED_N);
        double min = delays.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = delays.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertThat(min >= 0 && max <= 1)
                .withFailMessage("%s gave delays from %s to %s: every delay must be in [0, 1]: pass maxDelay to every"
                        + " wait", run.call(), min, max)
                .isTrue();
        assertThat(run.completedAfter())
                .withFailMessage("%s completed after %s s, but its longest delay is %s s: the future was completed"
                        + " before every wait had finished", run.call(), format(run.completedAfter()), max)
                .isGreaterThanOrEqualTo(max - EARLY);
    }

    /**
     * Asserts that {@code (10000, 0)} completes at once with 10 000 zeros: waits of no delay all end
     * together, and no result may be lost while they are collected.
     */
    public void losesNoResult() {
        int n = 10_000;
        var run = run(n, 0, 2, 3);
        var delays = run.delays();
        if (delays == null) {
            fail("%s had not completed after 3 s although every delay is 0: results were lost on the way (a count"
                    + " that never reaches n, or a callback that threw, e.g. ArrayList.add from many threads at once);"
                    + " collect into a thread-safe structure", run.call());
        }
        assertNoNulls(run);
        assertThat(delays.size())
                .withFailMessage("%s completed with %d delays instead of %d: %s", run.call(), delays.size(), n,
                        delays.size() < n ? "it completed before every wait had finished, or results were lost when"
                                + " many waits completed at once; complete the future when the last delay is in, and"
                                + " collect them in a thread-safe structure"
                                : "start exactly n waits, and add each delay once")
                .isEqualTo(n);
        long nonZero = delays.stream().filter(d -> d != 0.0).count();
        assertThat(nonZero)
                .withFailMessage("%s gave %d delays other than 0.0: waitRandom(0) always gives 0.0; pass n and"
                        + " maxDelay in the right places", run.call(), nonZero)
                .isZero();
    }

    /** Asserts that {@code (0, 1)} completes at once with an empty list. */
    public void givesEmptyListForZero() {
        var run = run(0, 1, 1, 1);
        if (run.delays() == null) {
            fail("%s did not complete within 1 s: with n == 0 there is nothing to wait for; complete with an empty"
                    + " list at once", run.call());
        }
        assertThat(run.delays())
                .withFailMessage("%s gave %s: with n == 0 the result is an empty list", run.call(), run.delays())
                .isEmpty();
    }

    /** Asserts that {@code (-1, 1)} throws an {@link IllegalArgumentException} that names {@code n} and its value. */
    public void rejectsNegativeN() {
        assertRejects(-1, 1, "n");
    }

    /**
     * Asserts that {@code (1, -1)} and {@code (0, -1)} throw an {@link IllegalArgumentException} that
     * names {@code maxDelay} and its value.
     */
    public void rejectsNegativeMaxDelay() {
        // With n == 0 no wait checks maxDelay: the method must check it itself.
        assertRejects(1, -1, "maxDelay");
        assertRejects(0, -1, "maxDelay");
    }

    /**
     * Asserts that the method runs, then that {@code type}'s compiled code uses no sorting method
     * and no sorted collection: the delays must come out ascending because of concurrency alone.
     */
    public void doesNotSort(Class<?> type) {
        var found = StudentCode.of(type).sorting();
        assertThat(found)
                .withFailMessage("%s sorts: it uses %s; the delays must come out ascending because the waits run at"
                        + " the same time and are collected as they complete; do not sort them (the course forbids"
                        + " sort())", type.getSimpleName(), String.join(", ", found))
                .isEmpty();
        completesSmallCall();
    }

    /** Asserts that {@code (3, 0)} completes with three zeros, so that checks of the compiled code look at code that runs. */
    public void completesSmallCall() {
        var run = run(3, 0, 1, 1);
        assertThat(run.delays())
                .withFailMessage(run.delays() == null ? "%s did not complete within 1 s although every delay is 0"
                        : "%s gave %s instead of three zeros", run.call(), run.delays())
                .isEqualTo(List.of(0.0, 0.0, 0.0));
    }

    private static void assertNoNulls(Run run) {
        long nulls = run.delays().stream().filter(Objects::isNull).count();
        assertThat(nulls)
                .withFailMessage("%s gave a list with %d nulls in it: it was filled from many threads at once without"
                        + " synchronization; collect into a thread-safe structure", run.call(), nulls)
                .isZero();
    }

    private void assertRejects(int n, int maxDelay, String argument) {
        Rejections.assertRejects("%s(%d, %d)".formatted(name, n, maxDelay), argument, n < 0 ? n : maxDelay,
                argument + " must not be negative: -1", () -> method.call(n, maxDelay));
    }

    /** Returns the shared call of {@code (1000, 1)}, made once; fails if it did not complete in time. */
    private synchronized Run shared() {
        if (shared == null) {
            long start = System.nanoTime();
            var control = CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS))
                    .thenApply(v -> Timing.secondsSince(start));
            shared = run(SHARED_N, 1, SHARED_LIMIT, SHARED_LIMIT);
            controlAfter = Timing.await(control, SHARED_LIMIT, "a plain 1-s timer of the JDK");
        }
        if (shared.returnedAfter() > SHARED_LIMIT) {
            fail("%s did not even return within %s s although no delay is longer than 1 s: it waits for each delay"
                    + " in turn before returning; start every wait first, then return the future of all of them",
                    shared.call(), format(SHARED_LIMIT));
        }
        if (shared.delays() == null) {
            fail("%s had not completed after %s s although no delay is longer than 1 s: the waits ran one after"
                    + " another (or queued up for a few threads); start every wait before waiting for any",
                    shared.call(), format(SHARED_LIMIT));
        }
        return shared;
    }

    /**
     * Calls the method on a thread of its own and waits at most {@code returnLimit} seconds for it
     * to return, then at most {@code completeLimit} seconds, from the call, for its future.
     * Exceptions the call throws are rethrown; a future that fails fails the test.
     */
    private Run run(int n, int maxDelay, double returnLimit, double completeLimit) {
        var call = "%s(%d, %d)".formatted(name, n, maxDelay);
        var returned = new CompletableFuture<Returned>();
        Thread.ofPlatform().daemon().name(call).start(() -> {
            try {
                long start = System.nanoTime();
                var future = method.call(n, maxDelay);
                long end = System.nanoTime();
                boolean done = future != null && future.isDone();
                returned.complete(new Returned(future, start, end, done, startProbe()));
            } catch (Throwable e) {
                returned.completeExceptionally(e);
            }
        });
        Returned r;
        try {
            r = returned.get(Math.round(returnLimit * 1e9), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return new Run(call, Double.POSITIVE_INFINITY, false, Double.POSITIVE_INFINITY, null, null);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for " + call, e);
        }
        double returnedAfter = (r.end() - r.start()) / 1e9;
        assertThat(r.future()).withFailMessage("%s returned null instead of a future", call).isNotNull();
        // The list is copied the moment the future completes: a list that is still filling up
        // then is a list handed back too early, whatever it holds later.
        var completion = r.future().thenApply(delays -> new Completion(System.nanoTime(), copy(delays)));
        try {
            double left = completeLimit - Timing.secondsSince(r.start());
            var c = completion.get(Math.max(0, Math.round(left * 1e9)), TimeUnit.NANOSECONDS);
            return new Run(call, returnedAfter, r.doneOnReturn(), (c.at() - r.start()) / 1e9, c.delays(),
                    r.probe().thenApply(end -> (end - r.start()) / 1e9));
        } catch (TimeoutException e) {
            return new Run(call, returnedAfter, r.doneOnReturn(), Double.POSITIVE_INFINITY, null, null);
        } catch (ExecutionException e) {
            return fail("%s completed exceptionally with %s".formatted(call, e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for " + call, e);
        }
    }

    /** Starts the probe and returns when it ends ({@link System#nanoTime()}); fails if the probe does. */
    private CompletableFuture<Long> startProbe() {
        try {
            return probe.get().toCompletableFuture().thenApply(value -> System.nanoTime());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static List<Double> copy(List<Double> delays) {
        return delays == null ? null : new ArrayList<>(delays);
    }

    private static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error r) {
            throw r;
        }
        throw new IllegalStateException(e);
    }

    /** What a call returned, when ({@link System#nanoTime()} readings), and its probe's end. */
    private record Returned(CompletableFuture<List<Double>> future, long start, long end, boolean doneOnReturn,
            CompletableFuture<Long> probe) {
    }

    /** When a call's future completed and a copy of its list at that moment. */
    private record Completion(long at, List<Double> delays) {
    }

    /**
     * One call: seconds until it returned and until its future completed (infinite when not
     * within the limit), whether the future was complete on return, its delays as they were when
     * it completed ({@code null} if it did not complete in time), and the seconds until the probe
     * started after it ended ({@code null} if it did not complete in time).
     */
    private record Run(String call, double returnedAfter, boolean doneOnReturn, double completedAfter,
            List<Double> delays, CompletableFuture<Double> probedAfter) {

        /**
         * Returns the seconds it took, at most, to start every wait of the call: when the probe
         * ended, or if it failed, when the call returned, or if it has not ended within another
         * second, when the call's future completed (no wait starts later than that).
         */
        double startedAfter() {
            try {
                return Math.max(returnedAfter, probedAfter.get(1, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                return returnedAfter;
            } catch (TimeoutException e) {
                return completedAfter;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return returnedAfter;
            }
        }
    }
}
