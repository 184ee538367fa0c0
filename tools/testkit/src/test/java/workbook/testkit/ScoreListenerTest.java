package workbook.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

@DisplayName("ScoreListener scores graded tests and hands them on for the grader")
class ScoreListenerTest {

    /**
     * Runs {@code classes} in a launcher of their own, with only a {@link ScoreListener} that adds
     * the results to {@code results}, one line each, and returns what the listener printed.
     */
    private static String run(List<String> results, Class<?>... classes) {
        var out = new ByteArrayOutputStream();
        var listener = new ScoreListener(done -> done.forEach(r -> results.add(String.join("\t",
                String.valueOf(r.task()), r.status().name(), r.displayName(), r.firstLine()))),
                new PrintStream(out, true, StandardCharsets.UTF_8));
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

    /**
     * Asserts that running {@code classes} prints {@code scoreLine}, then the failure to fix first,
     * and hands on {@code lines}, in any order.
     */
    private static void assertScores(List<Class<?>> classes, String scoreLine, String... lines) {
        var results = new ArrayList<String>();
        var printed = run(results, classes.toArray(Class<?>[]::new)).lines().toList();
        assertThat(printed).hasSize(3).first().isEqualTo(scoreLine);
        assertThat(printed.get(1)).startsWith("  Fix first: ");
        assertThat(results).containsExactlyInAnyOrder(lines);
    }

    @Test
    @DisplayName("the failure to fix first is the first failing test in the suite's order, not the first to fail")
    void fixFirst() {
        var printed = run(new ArrayList<>(), Ordered.class).lines().toList();
        assertThat(printed).containsExactly("Task 1 score: 1/3 tests passed, 2.33/7 points",
                "  Fix first: cause", "    the cause's message");
    }

    @Tag("task:1")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Ordered {
        @Test
        @Order(3)
        @DisplayName("symptom")
        void symptom() {
            throw new AssertionError("a symptom's message");
        }

        @Test
        @Order(2)
        @DisplayName("passes")
        void passes() {
        }

        @Test
        @Order(1)
        @DisplayName("cause")
        void cause() throws InterruptedException {
            // Fails after the symptom has failed: the order shown is the suite's, not the clock's.
            Thread.sleep(200);
            throw new AssertionError("the cause's message");
        }
    }

    @Test
    @DisplayName("prints each task's score and writes one line per graded test")
    void scoresAndRecords() {
        assertScores(List.of(Suite.class, Untagged.class), "Task 3 score: 2/5 tests passed, 1.6/4 points",
                "3\tPASSED\tpasses\t",
                "3\tFAILED\tfails\tfirst line",
                "3\tFAILED\tis disabled\tskipped: not today",
                "3\tPASSED\t[1] 1\t",
                "3\tFAILED\t[2] 2\tonly 1 is fine");
    }

    @Test
    @DisplayName("a graded test that never ran counts as failed, with the reason its class gave")
    void testsThatDidNotRunFail() {
        assertScores(List.of(BrokenSetup.class, BrokenArguments.class), "Task 4 score: 0/3 tests passed, 0/7 points",
                "4\tFAILED\tfirst\tdid not run: set-up broke",
                "4\tFAILED\tsecond\tdid not run: set-up broke",
                "4\tFAILED\thas arguments\tno arguments");
    }

    @Test
    @DisplayName("a failing core requirement caps the score at half; a timeout says what the code did, not the method's name")
    void coreAndTimeout() {
        assertScores(List.of(CoreAndTimeout.class),
                "Task 2 score: 2/3 tests passed, 2/4 points (a core requirement fails: at most half the points)",
                "2\tPASSED\tpasses\t",
                "2\tPASSED\tpasses too\t",
                "2\tFAILED\tnever ends\tdid not finish within 1 s: the code under test never returned, or its future never"
                        + " completed (a future nobody completes, a join or get that waits forever, a loop that never ends)");
    }

    @Test
    @DisplayName("a run without graded tests prints nothing and hands on no result")
    void noGradedTests() {
        var results = new ArrayList<String>();
        assertThat(run(results, Untagged.class)).isEmpty();
        assertThat(results).isEmpty();
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

    @Tag("task:2")
    static class CoreAndTimeout {
        @Test
        @DisplayName("passes")
        void passes() {
        }

        @Test
        @DisplayName("passes too")
        void passesToo() {
        }

        @Test
        @Tag("core")
        @DisplayName("never ends")
        @org.junit.jupiter.api.Timeout(1)
        void neverEnds() throws InterruptedException {
            new java.util.concurrent.CountDownLatch(1).await();
        }
    }
}
