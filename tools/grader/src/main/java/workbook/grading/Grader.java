package workbook.grading;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import workbook.testkit.SuiteRunner;
import workbook.testkit.Task;

/**
 * Grades a submission against the workbook's own tests.
 *
 * <p>A submission is a folder shaped like the workbook (a student's copy or clone, or
 * {@code solutions/}). Only the student files the task registry lists are taken from it: the
 * tests and the other sources of each task are the workbook's own, so nothing else a student
 * changed can change the score.
 *
 * <p>Task by task, in course order: the task's sources are compiled with the JDK's compiler in
 * this JVM, against the classes of the tasks before it, then its graded suite is compiled and run
 * in a JVM of its own ({@link SuiteRunner}), which sends the results back on its standard output
 * and is stopped after {@link #suiteLimit}. A task whose file is missing or does not compile scores
 * 0, and its untouched skeleton takes its place for the tasks after it, so that each task is graded
 * on its own code.
 *
 * <p>Instances are thread-safe; each call works in a temporary folder of its own.
 */
public final class Grader {

    /** Which tasks a call grades. */
    public sealed interface Scope {
        /** Every task. */
        record All() implements Scope {
        }

        /** The tasks in order, up to the first that is not done (the progress view). */
        record UntilUnfinished() implements Scope {
        }

        /** One task; the tasks before it are compiled, not tested. */
        record Only(int task) implements Scope {
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path workbook;
    private final List<Path> suiteClasspath;
    private final Duration suiteLimit;

    /**
     * Creates a grader for the workbook in {@code workbook}.
     *
     * @param workbook       the workbook's root folder (the one holding {@code tasks.json})
     * @param suiteClasspath what a graded suite needs besides the tasks' classes: the testkit and
     *                       its libraries
     * @param suiteLimit     how long one task's suite may run before its JVM is stopped
     */
    public Grader(Path workbook, List<Path> suiteClasspath, Duration suiteLimit) {
        this.workbook = workbook.toAbsolutePath().normalize();
        this.suiteClasspath = List.copyOf(suiteClasspath);
        this.suiteLimit = suiteLimit;
    }

    /**
     * Grades the submission in {@code folder} and returns how each task fared.
     *
     * <p>Blocks while the suites run: seconds per task, at most {@link #suiteLimit} each.
     *
     * @throws GradingException if grading could not run: no such folder, the workbook's own
     *                          sources do not compile, a test JVM could not start
     */
    public Report grade(Path folder, Scope scope) throws GradingException {
        var submission = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(submission)) {
            throw new GradingException(Files.exists(submission)
                    ? submission + " is a file, not a submission's folder" : "there is no folder " + submission);
        }
        var gradedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path work;
        try {
            work = Files.createTempDirectory("workbook-grade");
        } catch (IOException e) {
            throw new GradingException("could not make a temporary folder: " + e.getMessage());
        }
        try {
            return new Report(submission, gradedAt, gradeTasks(submission, scope, work));
        } finally {
            delete(work);
        }
    }

    private List<TaskReport> gradeTasks(Path submission, Scope scope, Path work) throws GradingException {
        var compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new GradingException("the grader runs on a JRE, not a JDK: it needs the JDK's compiler");
        }
        var reports = new ArrayList<TaskReport>();
        var classpath = new ArrayList<Path>();
        String stoppedAt = null;
        for (var task : Task.all()) {
            var classes = work.resolve(task.module()).resolve("classes");
            var mine = submission.resolve(task.studentFile());
            var skeleton = workbook.resolve(task.studentFile());
            boolean handedIn = Files.isRegularFile(mine);
            var error = handedIn ? compileMain(compiler, task, mine, classpath, classes) : Optional.<CompileError>empty();
            if (!handedIn || error.isPresent()) {
                // The tasks after this one are graded against its skeleton, on their own code.
                delete(classes);
                var own = compileMain(compiler, task, skeleton, classpath, classes);
                if (own.isPresent()) {
                    throw new GradingException("the workbook's own " + task.module() + " does not compile (" + own.get() + ")");
                }
            }
            classpath.add(classes);
            TaskReport report;
            if (!handedIn) {
                report = TaskReport.notGraded(task, TaskReport.Status.MISSING,
                        "missing: the submission has no " + task.studentFile());
            } else if (error.isPresent()) {
                report = TaskReport.doesNotCompile(task, error.get());
            } else if (stoppedAt != null) {
                report = TaskReport.notGraded(task, TaskReport.Status.NOT_GRADED, "not checked yet: " + stoppedAt);
            } else if (scope instanceof Scope.Only(int only) && only != task.number()) {
                report = TaskReport.notGraded(task, TaskReport.Status.NOT_GRADED, "not graded: only Task " + only + " was asked for");
            } else {
                report = runSuite(compiler, task, classpath, work.resolve(task.module()));
            }
            if (scope instanceof Scope.UntilUnfinished && stoppedAt == null && !report.done()) {
                stoppedAt = "it builds on Task " + task.number();
            }
            reports.add(report);
        }
        return reports;
    }

    /** Compiles a task's main sources with {@code studentFile} as its student's file; returns the first error, if any. */
    private Optional<CompileError> compileMain(JavaCompiler compiler, Task task, Path studentFile, List<Path> classpath,
                                               Path classes) throws GradingException {
        var sources = new ArrayList<Path>(javaFiles(workbook.resolve(task.module()).resolve("src/main/java")));
        sources.remove(workbook.resolve(task.studentFile()));
        sources.add(studentFile);
        return compile(compiler, sources, classpath, classes, studentFile, task.studentFile());
    }

    /** Compiles and runs a task's graded suite against the classes on {@code classpath}. */
    private TaskReport runSuite(JavaCompiler compiler, Task task, List<Path> classpath, Path work) throws GradingException {
        var testClasses = work.resolve("test-classes");
        var testPath = new ArrayList<>(classpath);
        testPath.addAll(suiteClasspath);
        var error = compile(compiler, javaFiles(workbook.resolve(task.module()).resolve("src/test/java")), testPath,
                testClasses, null, null);
        if (error.isPresent()) {
            return TaskReport.notGraded(task, TaskReport.Status.DOES_NOT_COMPILE,
                    "does not compile: the graded tests do not compile against it: " + error.get());
        }
        testPath.addFirst(testClasses);
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = List.of(java, "-cp", join(testPath), SuiteRunner.class.getName(), testClasses.toString());
        var channel = work.resolve("results.json");
        var log = work.resolve("output.log");
        try {
            var process = new ProcessBuilder(command).directory(work.toFile())
                    .redirectOutput(channel.toFile()).redirectError(log.toFile())
                    .start();
            process.getOutputStream().close();
            try {
                if (!process.waitFor(suiteLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                    return TaskReport.notGraded(task, TaskReport.Status.NO_RESULTS, "its graded tests did not finish within "
                            + suiteLimit.toSeconds() + " s and were stopped: some code never returns (a loop that never"
                            + " ends, or a class whose static initializer never finishes)");
                }
            } finally {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            var lines = Files.readAllLines(channel, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return TaskReport.notGraded(task, TaskReport.Status.NO_RESULTS, "its test JVM ended without results (exit code "
                        + process.exitValue() + ")" + lastLine(log).map(line -> ": " + line).orElse(""));
            }
            var outcome = JSON.readValue(lines.getLast(), SuiteRunner.Outcome.class);
            return outcome.results().isEmpty()
                    ? TaskReport.notGraded(task, TaskReport.Status.NO_RESULTS, "no graded test ran")
                    : TaskReport.graded(task, outcome.results(), outcome.seconds());
        } catch (IOException e) {
            throw new GradingException("could not run the graded tests of " + task.module() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GradingException("grading was interrupted");
        }
    }

    /**
     * Compiles {@code sources} into {@code classes} and returns the first error. An error in
     * {@code studentFile} is reported as {@code studentName}, the name the student knows it by;
     * any other file by its place in the workbook.
     */
    private Optional<CompileError> compile(JavaCompiler compiler, List<Path> sources, List<Path> classpath, Path classes,
                                           Path studentFile, String studentName) throws GradingException {
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        try (var files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            Files.createDirectories(classes);
            var options = List.of("--release", "21", "-proc:none", "-implicit:none", "-nowarn", "-encoding", "UTF-8",
                    "-cp", join(classpath), "-d", classes.toString());
            boolean ok = compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
            if (ok) {
                return Optional.empty();
            }
            return diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .findFirst()
                    .map(d -> new CompileError(fileName(d, studentFile, studentName), (int) d.getLineNumber(),
                            (int) d.getColumnNumber(), d.getMessage(Locale.ROOT).lines().findFirst().orElse("")))
                    .or(() -> Optional.of(new CompileError(studentName == null ? "?" : studentName, 0, 0, "does not compile")));
        } catch (IOException e) {
            throw new GradingException("could not compile into " + classes + ": " + e.getMessage());
        }
    }

    private String fileName(Diagnostic<? extends JavaFileObject> diagnostic, Path studentFile, String studentName) {
        if (diagnostic.getSource() == null) {
            return studentName == null ? "?" : studentName;
        }
        var file = Path.of(diagnostic.getSource().toUri()).toAbsolutePath().normalize();
        if (file.equals(studentFile)) {
            return studentName;
        }
        return file.startsWith(workbook) ? workbook.relativize(file).toString().replace('\\', '/') : file.toString();
    }

    private static List<Path> javaFiles(Path dir) throws GradingException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new GradingException("could not list " + dir + ": " + e.getMessage());
        }
    }

    private static String join(List<Path> paths) {
        return String.join(java.io.File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    private static Optional<String> lastLine(Path log) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank()).reduce((a, b) -> b).map(String::strip);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A temporary folder left behind costs disk, not a grade.
        }
    }
}
