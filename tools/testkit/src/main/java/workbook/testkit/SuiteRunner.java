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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs one task's graded suite in this JVM and sends its results to the grader that started it.
 *
 * <p>Usage: {@code java -cp CLASSPATH workbook.testkit.SuiteRunner TEST_CLASSES_DIR STUDENT_CLASS...}.
 * The test classes are found as Surefire finds them, and run with the testkit's
 * {@code junit-platform.properties}.
 *
 * <p>Standard output is the grader's channel: before any student or test class loads,
 * {@code System.out} is pointed at standard error, so whatever the tests or the code under test
 * print goes to the log, and the one line on standard output is this runner's: a JSON object
 * {@link Outcome}. The JVM exits right after it, even if the code under test left threads running.
 *
 * <p>After the suite, platform threads that the code under test started and left running (not
 * daemons, so they would keep any program that uses the code from exiting) are named in the
 * outcome's problem, beside the results: the task scores 0.
 *
 * <p>Before the suite, each student class (the task's and the earlier tasks') is loaded and
 * initialized on a thread of its own: a static initializer that does not finish within
 * {@value #LOAD_LIMIT_SECONDS} s ends the run with a problem instead of hanging every test.
 */
public final class SuiteRunner {

    /** How long a student class may take to load: a class of a task loads in milliseconds. */
    static final int LOAD_LIMIT_SECONDS = 5;

    /** How long threads the code under test started may take to end after the suite. */
    static final int THREADS_LIMIT_SECONDS = 2;

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
        var before = Thread.getAllStackTraces().keySet();
        var problem = Arrays.stream(args).skip(1).map(SuiteRunner::load).flatMap(Optional::stream).findFirst();
        if (problem.isPresent()) {
            channel.println(mapper.writeValueAsString(new Outcome(List.of(), 0, problem.get())));
            System.exit(0);
        }
        var request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(Set.of(Path.of(args[0]))))
                .filters(includeClassNamePatterns(STANDARD_INCLUDE_PATTERN))
                .build();
        var results = new AtomicReference<List<TestResult>>(List.of());
        long start = System.nanoTime();
        LauncherFactory.create().execute(request,
                new ScoreListener(results::set, new PrintStream(OutputStream.nullOutputStream())));
        double seconds = (System.nanoTime() - start) / 1e9;
        var left = threadsLeftRunning(before);
        channel.println(mapper.writeValueAsString(left.isEmpty() ? new Outcome(results.get(), seconds, null)
                : new Outcome(results.get(), seconds, "its code left %d thread%s running that never end%s (e.g. \"%s\"):"
                        .formatted(left.size(), left.size() == 1 ? "" : "s", left.size() == 1 ? "s" : "", left.getFirst())
                        + " a program that uses it never exits; use virtual threads, daemon threads, or shut the pool down")));
        // A wrong solution may leave non-daemon threads behind: the suite is over, so is the JVM.
        System.exit(0);
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
