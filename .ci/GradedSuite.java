import static org.junit.platform.engine.discovery.ClassNameFilter.STANDARD_INCLUDE_PATTERN;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs the test classes of one module's {@code target/test-classes} in this JVM, as Surefire's
 * test JVM would: same class name patterns, JUnit configuration from system properties, the
 * testkit's score listener found by ServiceLoader. Used by {@code .ci/mistakes-check} and
 * {@code .ci/flake-loop}, which start one such JVM per suite run instead of one Maven build.
 *
 * <p>Usage: {@code java -cp CLASSPATH GradedSuite TEST_CLASSES_DIR TIMES_FILE}. Prints a line
 * {@code FAILED display name: message} per test that did not pass; writes one line per test class
 * to TIMES_FILE: display name, seconds, tests, tests not passed. Exits with 0 when every test
 * passed, 1 otherwise.
 */
public final class GradedSuite {

    public static void main(String[] args) throws IOException {
        var request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(Set.of(Path.of(args[0]))))
                .filters(includeClassNamePatterns(STANDARD_INCLUDE_PATTERN))
                .build();
        var summary = new SummaryGeneratingListener();
        var times = new ClassTimes();
        LauncherFactory.create().execute(request, summary, times);
        Files.write(Path.of(args[1]), times.lines());
        var result = summary.getSummary();
        // Exit at once, as Surefire's JVM does: a wrong solution may leave non-daemon threads behind.
        System.exit(result.getTotalFailureCount() == 0 && result.getTestsSucceededCount() > 0 ? 0 : 1);
    }

    /** Times every test class and counts its tests. */
    private static final class ClassTimes implements TestExecutionListener {
        private final Map<String, Long> started = new ConcurrentHashMap<>();
        private final Map<String, int[]> counts = new ConcurrentHashMap<>();
        /** The test class each started test or container belongs to, by unique id. */
        private final Map<String, String> classOf = new ConcurrentHashMap<>();
        private final List<String> lines = new ArrayList<>();

        @Override
        public void executionStarted(TestIdentifier id) {
            if (isClass(id)) {
                started.put(id.getUniqueId(), System.nanoTime());
                counts.put(id.getUniqueId(), new int[2]);
                classOf.put(id.getUniqueId(), id.getUniqueId());
            } else {
                id.getParentId().map(classOf::get).ifPresent(owner -> classOf.put(id.getUniqueId(), owner));
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isTest()) {
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    var message = result.getThrowable().map(String::valueOf).orElse(result.getStatus().name());
                    System.out.println("FAILED " + id.getDisplayName() + ": " + message.lines().findFirst().orElse(""));
                }
                id.getParentId().map(classOf::get).map(counts::get).ifPresent(count -> {
                    synchronized (count) {
                        count[0]++;
                        count[1] += result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? 0 : 1;
                    }
                });
            } else if (isClass(id)) {
                double seconds = (System.nanoTime() - started.get(id.getUniqueId())) / 1e9;
                var count = counts.get(id.getUniqueId());
                synchronized (lines) {
                    lines.add(String.format(Locale.ROOT, "%s\t%.3f\t%d\t%d", id.getDisplayName(), seconds, count[0], count[1]));
                }
            }
        }

        List<String> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }

        private static boolean isClass(TestIdentifier id) {
            return id.getSource().filter(ClassSource.class::isInstance).isPresent() && id.isContainer();
        }
    }
}
