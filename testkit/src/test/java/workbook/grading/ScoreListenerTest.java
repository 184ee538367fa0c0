package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

@DisplayName("ScoreListener scores graded tests and records them for the grader")
class ScoreListenerTest {

    /**
     * Runs {@code classes} in a launcher of their own, with only a {@link ScoreListener} that writes
     * {@code resultsFile}, and returns what the listener printed.
     */
    private static String run(Path resultsFile, Class<?>... classes) {
        var out = new ByteArrayOutputStream();
        var listener = new ScoreListener(resultsFile, new PrintStream(out, true, StandardCharsets.UTF_8));
        var launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestExecutionListeners(listener)
                .build());
        var request = LauncherDiscoveryRequestBuilder.request();
        for (var type : classes) {
            request.selectors(selectClass(type));
        }
        launcher.execute(request.build());
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Asserts that running {@code classes} prints {@code scoreLine} and records {@code lines}, in any order. */
    private static void assertScores(Path dir, List<Class<?>> classes, String scoreLine, String... lines) throws IOException {
        var file = dir.resolve("target/graded-results.tsv");
        assertThat(run(file, classes.toArray(Class<?>[]::new)).lines()).containsExactly(scoreLine);
        assertThat(Files.readAllLines(file)).containsExactlyInAnyOrder(lines);
    }

    @Test
    @DisplayName("prints each task's score and writes one line per graded test")
    void scoresAndRecords(@TempDir Path dir) throws IOException {
        assertScores(dir, List.of(Suite.class, Untagged.class), "Task 3 score: 2/5 tests passed, 1.6/4 points",
                "3\tPASSED\tpasses\t",
                "3\tFAILED\tfails\tfirst line",
                "3\tFAILED\tis disabled\tskipped: not today",
                "3\tPASSED\t[1] 1\t",
                "3\tFAILED\t[2] 2\tonly 1 is fine");
    }

    @Test
    @DisplayName("a graded test that never ran counts as failed, with the reason its class gave")
    void testsThatDidNotRunFail(@TempDir Path dir) throws IOException {
        assertScores(dir, List.of(BrokenSetup.class, BrokenArguments.class), "Task 4 score: 0/3 tests passed, 0/7 points",
                "4\tFAILED\tfirst\tdid not run: set-up broke",
                "4\tFAILED\tsecond\tdid not run: set-up broke",
                "4\tFAILED\thas arguments\tno arguments");
    }

    @Test
    @DisplayName("a run without graded tests prints nothing and removes an older results file")
    void noGradedTests(@TempDir Path dir) throws IOException {
        var file = dir.resolve("graded-results.tsv");
        Files.writeString(file, "0\tPASSED\tstale\t\n");
        assertThat(run(file, Untagged.class)).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Tag("task:3")
    static class Suite {
        @Test
        @DisplayName("passes")
        void passes() {
        }

        @Test
        @DisplayName("fails")
        void fails() {
            throw new AssertionError("first line\nsecond line");
        }

        @Test
        @Disabled("not today")
        @DisplayName("is disabled")
        void disabled() {
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2})
        void parameterized(int value) {
            assertThat(value).withFailMessage("only 1 is fine").isEqualTo(1);
        }
    }

    static class Untagged {
        @Test
        void notGraded() {
        }
    }

    @Tag("task:4")
    static class BrokenSetup {
        @BeforeAll
        static void setUp() {
            throw new IllegalStateException("set-up broke");
        }

        @Test
        @DisplayName("first")
        void first() {
        }

        @Test
        @DisplayName("second")
        void second() {
        }
    }

    @Tag("task:4")
    static class BrokenArguments {
        static java.util.stream.Stream<Integer> arguments() {
            throw new IllegalStateException("no arguments");
        }

        @ParameterizedTest
        @MethodSource("arguments")
        @DisplayName("has arguments")
        void hasArguments(int value) {
        }
    }
}
