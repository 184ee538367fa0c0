package workbook.testkit;

import static org.junit.platform.engine.discovery.ClassNameFilter.STANDARD_INCLUDE_PATTERN;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs one task's graded suite in this JVM and sends its results to the grader that started it.
 *
 * <p>Usage: {@code java -cp CLASSPATH workbook.testkit.SuiteRunner TEST_CLASSES_DIR}. The test
 * classes are found as Surefire finds them, and run with the testkit's
 * {@code junit-platform.properties}.
 *
 * <p>Standard output is the grader's channel: before any test class loads, {@code System.out} is
 * pointed at standard error, so whatever the tests or the code under test print goes to the log,
 * and the one line on standard output is this runner's: a JSON object {@link Outcome}. The JVM
 * exits right after it, even if the code under test left threads running.
 */
public final class SuiteRunner {

    /**
     * What the runner sends.
     *
     * @param results every graded test's result, in plan order
     * @param seconds how long the suite took
     */
    public record Outcome(List<TestResult> results, double seconds) {
    }

    private SuiteRunner() {
    }

    public static void main(String[] args) throws IOException {
        var channel = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        var request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(Set.of(Path.of(args[0]))))
                .filters(includeClassNamePatterns(STANDARD_INCLUDE_PATTERN))
                .build();
        var results = new AtomicReference<List<TestResult>>(List.of());
        long start = System.nanoTime();
        LauncherFactory.create().execute(request, new ScoreListener(results::set, System.err));
        var outcome = new Outcome(results.get(), (System.nanoTime() - start) / 1e9);
        channel.println(new ObjectMapper().writeValueAsString(outcome));
        // A wrong solution may leave non-daemon threads behind: the suite is over, so is the JVM.
        System.exit(0);
    }
}
