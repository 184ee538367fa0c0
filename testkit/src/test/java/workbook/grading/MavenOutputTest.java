package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("MavenOutput reads compiler errors and failed modules")
class MavenOutputTest {

    private static final List<String> MODULES = Points.TASKS.stream().map(Points::module).toList();

    @Test
    @DisplayName("a compiler error in a submission's copy is named by the student's file")
    void mapsGradedSourcesToStudentFile() {
        var errors = MavenOutput.compileErrors(List.of(
                "[INFO] Compiling 2 source files with javac [forked debug release 21] to target/classes",
                "[ERROR] COMPILATION ERROR : ",
                "[ERROR] /home/me/src/workbook/task2-runtime/target/graded-sources/workbook/task2/MeasureRuntime.java:[31,39] ';' expected",
                "[ERROR] /home/me/src/workbook/task2-runtime/target/graded-sources/workbook/task2/MeasureRuntime.java:[40,1] reached end of file while parsing"),
                MODULES);
        assertThat(errors).containsOnlyKeys("task2-runtime");
        assertThat(errors.get("task2-runtime")).isEqualTo(new CompileError(
                "task2-runtime/src/main/java/workbook/task2/MeasureRuntime.java", 31, 39, "';' expected"));
    }

    @Test
    @DisplayName("javac's continuation lines join the message, and Windows paths are read too")
    void joinsContinuationLines() {
        var errors = MavenOutput.compileErrors(List.of(
                "[ERROR] C:\\work\\workbook\\task1-concurrent\\src\\test\\java\\workbook\\task1\\ConcurrentCoroutinesTest.java:[12,30] cannot find symbol",
                "  symbol:   method waitN(int,int)",
                "  location: class workbook.task1.ConcurrentCoroutines",
                "[INFO] 1 error"),
                MODULES);
        assertThat(errors.get("task1-concurrent")).isEqualTo(new CompileError(
                "task1-concurrent/src/test/java/workbook/task1/ConcurrentCoroutinesTest.java", 12, 30,
                "cannot find symbol (symbol: method waitN(int,int); location: class workbook.task1.ConcurrentCoroutines)"));
    }

    @Test
    @DisplayName("only the first error of each module is kept, and errors outside the modules are left out")
    void firstErrorPerModule() {
        var errors = MavenOutput.compileErrors(List.of(
                "[ERROR] /w/testkit/src/main/java/workbook/grading/Points.java:[1,1] broken",
                "[ERROR] /w/task0-basic/target/graded-sources/workbook/task0/BasicAsyncSyntax.java:[5,2] first",
                "[ERROR] /w/task0-basic/target/graded-sources/workbook/task0/BasicAsyncSyntax.java:[9,2] second",
                "[WARNING] /w/task3-tasks/src/main/java/workbook/task3/Tasks.java:[3,1] a warning is no error"),
                MODULES);
        assertThat(errors).containsOnlyKeys("task0-basic");
        assertThat(errors.get("task0-basic").message()).isEqualTo("first");
        assertThat(errors.get("task0-basic")).hasToString(
                "task0-basic/src/main/java/workbook/task0/BasicAsyncSyntax.java:5:2: first");
    }

    @Test
    @DisplayName("Maven's closing lines name each failed module, its goal and its reason")
    void readsFailures() {
        var failures = MavenOutput.failures(List.of(
                "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.16.0:compile (default-compile) on project task2-runtime: Compilation failure",
                "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.6.1:test (default-test) on project task3-tasks: There was a timeout in the fork",
                "[ERROR] Failed to execute goal on project task4-task-wait-n: Could not resolve dependencies"));
        assertThat(failures.keySet()).containsExactly("task2-runtime", "task3-tasks", "task4-task-wait-n");
        assertThat(failures.get("task2-runtime").compilation()).isTrue();
        assertThat(failures.get("task3-tasks").compilation()).isFalse();
        assertThat(failures.get("task3-tasks").reason()).isEqualTo("There was a timeout in the fork");
        assertThat(failures.get("task4-task-wait-n").goal()).isEmpty();
    }

    @Test
    @DisplayName("color codes are stripped from the output")
    void stripsColors() {
        assertThat(MavenOutput.lines("\u001B[0m\u001B[0m[INFO] Scanning for projects...\n\u001B[1;31m[ERROR]\u001B[m broken\n"))
                .containsExactly("[INFO] Scanning for projects...", "[ERROR] broken");
    }

    @Test
    @DisplayName("the first error line explains a build that failed before any module")
    void firstErrorLine() {
        assertThat(MavenOutput.firstError(List.of("[INFO] ok", "[ERROR] ", "[ERROR] Some problems were encountered", "[ERROR] later")))
                .contains("Some problems were encountered");
        assertThat(MavenOutput.firstError(List.of("[INFO] ok"))).isEmpty();
    }
}
