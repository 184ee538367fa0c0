package workbook.testkit;

import static org.junit.platform.engine.discovery.ClassNameFilter.STANDARD_INCLUDE_PATTERN;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs graded suites in this JVM, one after another, and sends their results to the grader that
 * started it.
 *
 * <p>Usage: {@code java -cp CLASSPATH workbook.testkit.SuiteRunner TEST_CLASSES_DIR STUDENT_CLASS...
 * [-- TEST_CLASSES_DIR STUDENT_CLASS...]...}: one group per suite, in the order they run. The test
 * classes are found as Surefire finds them, and run with the testkit's {@code junit-platform.properties}.
 *
 * <p>Standard output is the grader's channel: before any student or test class loads,
 * {@code System.out} is pointed at standard error, so whatever the tests or the code under test
 * print goes to the log, and the lines on standard output are this runner's: one JSON object
 * {@link Outcome} per suite, as soon as it is over. The JVM exits after the last one, even if the
 * code under test left threads running.
 *
 * <p>After a suite, platform threads that the code under test started and left running (not
 * daemons, so they would keep any program that uses the code from exiting) are named in the
 * outcome's problem, beside the results: the task scores 0.
 *
 * <p>Before a suite, each student class (the task's and the earlier tasks') is loaded and
 * initialized on a thread of its own: a static initializer that does not finish within
 * {@value #LOAD_LIMIT_SECONDS} s ends the run with a problem instead of hanging every test.
 *
 * <p>A suite runs only on a quiet JVM, as it would in a JVM of its own: the runner stops, without a
 * line for the suites left, after a suite whose outcome has a problem, or whose code left work
 * behind (the common pool still busy {@value #QUIET_LIMIT_SECONDS} s later, or the CPU still busy).
 * The grader runs those left in JVMs of their own.
 */
public final class SuiteRunner {

    /** How long a student class may take to load: a class of a task loads in milliseconds. */
    static final int LOAD_LIMIT_SECONDS = 5;

    /** How long threads the code under test started may take to end after the suite. */
    static final int THREADS_LIMIT_SECONDS = 2;

    /** How long the common pool may stay busy after a suite before the next suite runs elsewhere. */
    static final int QUIET_LIMIT_SECONDS = 2;

    /**
     * What the runner sends.
     *
     * @param results every graded test's result, in plan order; empty when the suite did not run
     * @param seconds how long the suite took
     * @param problem why the suite did not run (no results), or why its results earn nothing; null when neither
     */
    public record Outcome(List<TestResult> results, double seconds, String problem) {
    }

    private SuiteRunner() {
    }

    public static void main(String[] args) throws IOException {
        var channel = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        var mapper = new ObjectMapper();
        var group = new ArrayList<String>();
        for (var arg : Stream.concat(Arrays.stream(args), Stream.of("--")).toList()) {
            if (!arg.equals("--")) {
                group.add(arg);
                continue;
            }
            var outcome = runSuite(Path.of(group.getFirst()), group.subList(1, group.size()));
            channel.println(mapper.writeValueAsString(outcome));
            group.clear();
            if (outcome.problem() != null || !quiet()) {
                break;
            }
        }
        // A wrong solution may leave non-daemon threads behind: the suites are over, so is the JVM.
        System.exit(0);
    }

    /** Loads the student classes, then runs the graded suite in {@code testClasses}. */
    private static Outcome runSuite(Path testClasses, List<String> studentClasses) {
        var before = Thread.getAllStackTraces().keySet();
        var problem = studentClasses.stream().map(SuiteRunner::load).flatMap(Optional::stream).findFirst();
        if (problem.isPresent()) {
            return new Outcome(List.of(), 0, problem.get());
        }
        var request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(Set.of(testClasses)))
                .filters(includeClassNamePatterns(STANDARD_INCLUDE_PATTERN))
                .build();
        var results = new AtomicReference<List<TestResult>>(List.of());
        long start = System.nanoTime();
        LauncherFactory.create().execute(request,
                new ScoreListener(results::set, new PrintStream(OutputStream.nullOutputStream())));
        double seconds = (System.nanoTime() - start) / 1e9;
        var left = threadsLeftRunning(before);
        return left.isEmpty() ? new Outcome(results.get(), seconds, null)
                : new Outcome(results.get(), seconds, "its code left %d thread%s running that never end%s (e.g. \"%s\"):"
                        .formatted(left.size(), left.size() == 1 ? "" : "s", left.size() == 1 ? "s" : "", left.getFirst())
                        + " a program that uses it never exits; use virtual threads, daemon threads, or shut the pool down");
    }

    /**
     * Returns whether the code under test left no work behind that would load the next suite: the
     * common pool falls idle within {@value #QUIET_LIMIT_SECONDS} s, and the JVM then uses less
     * than half a core.
     */
    private static boolean quiet() {
        if (!ForkJoinPool.commonPool().awaitQuiescence(QUIET_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            System.err.printf("%nThe suites left run in JVMs of their own: the common pool was still busy %d s after this one.%n",
                    QUIET_LIMIT_SECONDS);
            return false;
        }
        // Java threads only: the JIT compiling what the suite ran is no load left behind.
        var threads = ManagementFactory.getThreadMXBean();
        long cpu = javaThreadsCpu(threads);
        long start = System.nanoTime();
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        double cores = (double) (javaThreadsCpu(threads) - cpu) / (System.nanoTime() - start);
        if (cores >= 0.5) {
            System.err.printf("%nThe suites left run in JVMs of their own: this one's threads still used %.1f cores after it.%n", cores);
            return false;
        }
        return true;
    }

    private static long javaThreadsCpu(ThreadMXBean threads) {
        return Arrays.stream(threads.getAllThreadIds()).map(threads::getThreadCpuTime).filter(t -> t > 0).sum();
    }

    /**
     * Returns the names of the platform threads, not daemons, that were started during the suite
     * and are still alive {@value #THREADS_LIMIT_SECONDS} s after it: threads that keep a JVM from exiting.
     */
    private static List<String> threadsLeftRunning(Set<Thread> before) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(THREADS_LIMIT_SECONDS);
        var left = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && !t.isDaemon() && t != Thread.currentThread())
                .toList();
        for (var thread : left) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return left.stream().filter(Thread::isAlive).map(Thread::getName).sorted().toList();
    }

    /** Loads and initializes the class {@code name}; returns why it could not, if it never finished. */
    private static Optional<String> load(String name) {
        var loaded = new CompletableFuture<Void>();
        // Not a daemon, as a program's main thread: threads its initializer starts inherit that.
        Thread.ofPlatform().daemon(false).name("loading " + name).start(() -> {
            try {
                Class.forName(name, true, SuiteRunner.class.getClassLoader());
            } catch (Throwable e) {
                // The tests meet this failure again and report it.
            }
            loaded.complete(null);
        });
        try {
            loaded.get(LOAD_LIMIT_SECONDS, TimeUnit.SECONDS);
            return Optional.empty();
        } catch (TimeoutException e) {
            return Optional.of("%s never finished loading: its static initializer ran for more than %d s"
                    .formatted(name.substring(name.lastIndexOf('.') + 1), LOAD_LIMIT_SECONDS));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
