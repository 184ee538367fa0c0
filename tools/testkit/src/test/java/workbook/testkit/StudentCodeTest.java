package workbook.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("StudentCode reads what a student's class uses, from its class files")
class StudentCodeTest {

    private static final StudentCode HONEST = StudentCode.of("workbook.task0.HonestFixture",
            java.nio.file.Path.of("target/test-classes"));
    private static final StudentCode HOSTILE = StudentCode.of("workbook.task0.HostileFixture",
            java.nio.file.Path.of("target/test-classes"));

    @Test
    @DisplayName("a class with records, a sealed switch, lambdas, string concatenation and printing keeps to the allow-list")
    void honestClassIsAllowed() {
        assertThat(HONEST.violations()).isEmpty();
        HONEST.assertOnlyAllowedApis();
    }

    @Test
    @DisplayName("files, Runtime, reflection, system properties, stack walking and processes are each named with their line, also through subclasses")
    void hostileClassIsNamed() {
        assertThat(HOSTILE.violations()).extracting(StudentCode.Violation::toString).contains(
                "HostileFixture.java:16 uses java.nio.file.Files, which a workbook task may not use",
                "HostileFixture.java:17 uses java.lang.Runtime, which a workbook task may not use",
                "HostileFixture.java:17 uses System.exit, which a workbook task may not use",
                "HostileFixture.java:18 uses Class.getDeclaredField, which a workbook task may not use",
                "HostileFixture.java:19 uses java.lang.reflect.Field, which a workbook task may not use",
                "HostileFixture.java:20 uses System.getProperty, which a workbook task may not use",
                "HostileFixture.java:21 uses Thread.getAllStackTraces, which a workbook task may not use",
                "HostileFixture.java:22 uses java.lang.ProcessBuilder, which a workbook task may not use");
        assertThat(HOSTILE.violations()).extracting(StudentCode.Violation::toString).contains(
                "HostileFixture.java:32 uses Mine.getAllStackTraces, which a workbook task may not use",
                "HostileFixture.java:33 uses Failure.getStackTrace, which a workbook task may not use");
        assertThatThrownBy(HOSTILE::assertOnlyAllowedApis)
                .hasMessageStartingWith("HostileFixture.java:");
    }

    @Test
    @DisplayName("sorting is found by the calls and types it uses, not by a local variable's name")
    void sorting() {
        assertThat(HONEST.sorting()).isEmpty();
        assertThat(HOSTILE.sorting()).containsExactly("Collections.sort (line 26)", "Stream.sorted (line 27)");
    }

    @Test
    @DisplayName("calls of a given method are found in the class and its lambdas")
    void calls() {
        assertThat(HONEST.calls(java.util.concurrent.CompletableFuture.class, "completeOnTimeout")).isTrue();
        assertThat(HONEST.calls(java.util.concurrent.CompletableFuture.class, "orTimeout")).isFalse();
    }
}
