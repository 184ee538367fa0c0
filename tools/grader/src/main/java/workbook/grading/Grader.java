package workbook.grading;

import static org.junit.platform.engine.discovery.ClassNameFilter.STANDARD_INCLUDE_PATTERN;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import workbook.testkit.StudentCode;
import workbook.testkit.SuiteRunner;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import workbook.testkit.Task;
import workbook.testkit.TestResult;

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
 * and is stopped after {@link #suiteLimit}. Before that, the student's class is checked against the
 * workbook's allow-list of APIs ({@link StudentCode}): code outside it never runs. A task whose
 * file is missing, does not compile or leaves the allow-list scores 0, and its untouched skeleton
 * takes its place for the tasks after it, so that each task is graded on its own code.
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

    /** The heap of a suite's JVM: the suites need a few dozen MiB; code that hoards memory stops at this. */
    static final int HEAP_MIB = 1024;

    private final Path workbook;
    private final List<Path> suiteClasspath;
    private final Duration suiteLimit;
    /** The digest of what a grade is made from besides the student's files, taken when the grader was made. */
    private final byte[] fingerprint;

    /**
     * Creates a grader for the workbook in {@code workbook}.
     *
     * @param workbook       the workbook's root folder (the one holding {@code tasks.json})
     * @param suiteClasspath what a graded suite needs besides the tasks' classes: the testkit and
     *                       its libraries
     * @param suiteLimit     how long one task's suite may run before its JVM is stopped
     */
    public Grader(Path workbook, List<Path> suiteClasspath, Duration suiteLimit) throws GradingException {
        this.workbook = workbook.toAbsolutePath().normalize();
        this.suiteClasspath = List.copyOf(suiteClasspath);
        this.suiteLimit = suiteLimit;
        this.fingerprint = fingerprint();
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
        if (!MessageDigest.isEqual(fingerprint, fingerprint())) {
            throw new GradingException("the workbook's own files (tests, sources, testkit) changed since grading began:"
                    + " grade again in an untouched checkout");
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
            boolean handedIn = Files.isRegularFile(mine);
            var error = handedIn ? compileMain(compiler, task, mine, classpath, classes) : Optional.<CompileError>empty();
            // The allow-list gate: code outside it never runs, here or in a later task's suite.
            var forbidden = handedIn && error.isEmpty()
                    ? StudentCode.of(task.studentClass(), classes).violations() : List.<StudentCode.Violation>of();
            boolean usable = handedIn && error.isEmpty() && forbidden.isEmpty();
            if (!usable) {
                useSkeleton(compiler, task, classpath, classes);
            }
            classpath.add(classes);
            TaskReport report;
            if (!handedIn) {
                report = TaskReport.notGraded(task, TaskReport.Status.MISSING,
                        "missing: the submission has no " + task.studentFile());
            } else if (error.isPresent()) {
                report = TaskReport.doesNotCompile(task, error.get());
            } else if (!forbidden.isEmpty()) {
                report = TaskReport.notGraded(task, TaskReport.Status.FORBIDDEN_API, "Task " + task.number() + " scores 0: "
                        + forbidden.getFirst() + (forbidden.size() > 1 ? " (and %d more uses)".formatted(forbidden.size() - 1) : ""));
            } else if (stoppedAt != null) {
                report = TaskReport.notGraded(task, TaskReport.Status.NOT_GRADED, "not checked yet: " + stoppedAt);
            } else if (scope instanceof Scope.Only(int only) && only != task.number()) {
                report = TaskReport.notGraded(task, TaskReport.Status.NOT_GRADED, "not graded: only Task " + only + " was asked for");
            } else {
                report = runSuite(compiler, task, classpath, work.resolve(task.module()));
                if (report.status() == TaskReport.Status.NO_RESULTS || report.status() == TaskReport.Status.LEFT_THREADS) {
                    // Code that hangs or exhausts the JVM would do so again in every later suite.
                    useSkeleton(compiler, task, classpath.subList(0, classpath.size() - 1), classes);
                }
            }
            if (scope instanceof Scope.UntilUnfinished && stoppedAt == null && !report.done()) {
                stoppedAt = "it builds on Task " + task.number();
            }
            reports.add(report);
        }
        return reports;
    }

    /**
     * Returns a digest of everything a grade is made from besides the student's files: the task
     * registry, every task's sources and graded tests, and what the suites run with.
     */
    private byte[] fingerprint() throws GradingException {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            var inputs = new ArrayList<Path>(List.of(workbook.resolve("tasks.json")));
            for (var task : Task.all()) {
                inputs.add(workbook.resolve(task.module()).resolve("src"));
            }
            inputs.addAll(suiteClasspath);
            for (var input : inputs) {
                try (Stream<Path> files = Files.isDirectory(input) ? Files.walk(input) : Stream.of(input)) {
                    for (var file : files.filter(Files::isRegularFile).sorted().toList()) {
                        digest.update(file.toString().getBytes(StandardCharsets.UTF_8));
                        digest.update(Files.readAllBytes(file));
                    }
                }
            }
            return digest.digest();
        } catch (IOException | UncheckedIOException | NoSuchAlgorithmException e) {
            throw new GradingException("could not read the workbook's own files: " + e.getMessage());
        }
    }

    /** Compiles the task's untouched skeleton into {@code classes}, in place of the student's code. */
    private void useSkeleton(JavaCompiler compiler, Task task, List<Path> classpath, Path classes) throws GradingException {
        delete(classes);
        var own = compileMain(compiler, task, workbook.resolve(task.studentFile()), classpath, classes);
        if (own.isPresent()) {
            throw new GradingException("the workbook's own " + task.module() + " does not compile (" + own.get() + ")");
        }
    }

    /** Compiles a task's main sources with {@code studentFile} as its student's file; returns the first error, if any. */
    Optional<CompileError> compileMain(JavaCompiler compiler, Task task, Path studentFile, List<Path> classpath,
                                               Path classes) throws GradingException {
        var sources = new ArrayList<Path>(javaFiles(workbook.resolve(task.module()).resolve("src/main/java")));
        sources.remove(workbook.resolve(task.studentFile()));
        sources.add(studentFile);
        return compile(compiler, sources, classpath, classes, studentFile, task.studentFile());
    }

    /** Compiles a task's graded suite into {@code testClasses} against the classes on {@code classpath}; returns the first error, if any. */
    Optional<CompileError> compileTests(JavaCompiler compiler, Task task, List<Path> classpath, Path testClasses)
            throws GradingException {
        var testPath = new ArrayList<>(classpath);
        testPath.addAll(suiteClasspath);
        return compile(compiler, javaFiles(workbook.resolve(task.module()).resolve("src/test/java")), testPath,
                testClasses, null, null);
    }

    /** Compiles and runs a task's graded suite against the classes on {@code classpath}. */
    private TaskReport runSuite(JavaCompiler compiler, Task task, List<Path> classpath, Path work) throws GradingException {
        var testClasses = work.resolve("test-classes");
        var testPath = new ArrayList<>(classpath);
        testPath.addAll(suiteClasspath);
        var error = compileTests(compiler, task, classpath, testClasses);
        if (error.isPresent()) {
            return TaskReport.notGraded(task, TaskReport.Status.DOES_NOT_COMPILE,
                    "does not compile: the graded tests do not compile against it: " + error.get());
        }
        testPath.addFirst(testClasses);
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java, "-Xmx" + HEAP_MIB + "m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", join(testPath), SuiteRunner.class.getName(), testClasses.toString()));
        Task.all().stream().filter(t -> t.number() <= task.number()).map(Task::studentClass).forEach(command::add);
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
            // The JVM itself may write here too (ExitOnOutOfMemoryError's last words): the runner's line is JSON.
            var lines = Files.readAllLines(channel, StandardCharsets.UTF_8);
            var sent = lines.stream().filter(line -> line.startsWith("{")).reduce((a, b) -> b);
            if (sent.isEmpty()) {
                boolean oom = Stream.concat(lines.stream(), lastLine(log).stream()).anyMatch(l -> l.contains("OutOfMemoryError"));
                return TaskReport.notGraded(task, TaskReport.Status.NO_RESULTS, oom
                        ? "its graded tests ran out of memory (" + HEAP_MIB + " MiB): some code keeps everything it makes"
                                + " (a list that only grows, futures that are never released)"
                        : "its test JVM ended without results (exit code " + process.exitValue() + ")");
            }
            var outcome = JSON.readValue(sent.get(), SuiteRunner.Outcome.class);
            if (outcome.problem() != null && outcome.results().isEmpty()) {
                return TaskReport.notGraded(task, TaskReport.Status.NO_RESULTS, outcome.problem());
            }
            if (outcome.results().isEmpty()) {
                return TaskReport.notGraded(task, TaskReport.Status.NO_RESULTS, "no graded test ran");
            }
            var expected = expectedTests(task, testClasses, classpath);
            var reported = outcome.results().stream().map(TestResult::displayName).sorted().toList();
            if (!reported.equals(expected)) {
                return TaskReport.notGraded(task, TaskReport.Status.NO_RESULTS, "its results do not match its graded tests ("
                        + reported.size() + " reported, " + expected.size() + " expected)");
            }
            return outcome.problem() == null ? TaskReport.graded(task, outcome.results(), outcome.seconds())
                    : TaskReport.voided(task, "Task " + task.number() + " scores 0: " + outcome.problem(), outcome.results(),
                            outcome.seconds());
        } catch (IOException e) {
            throw new GradingException("could not run the graded tests of " + task.module() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GradingException("grading was interrupted");
        }
    }

    /**
     * Returns the display names of the graded tests of {@code task}'s suite, sorted, found by JUnit's
     * discovery in this JVM: test classes are loaded, never initialized, and no test runs.
     */
    private static List<String> expectedTests(Task task, Path testClasses, List<Path> taskClasses) throws GradingException {
        var thread = Thread.currentThread();
        var previous = thread.getContextClassLoader();
        var urls = Stream.concat(Stream.of(testClasses), taskClasses.stream()).map(Grader::url).toArray(URL[]::new);
        try (var loader = new URLClassLoader(urls, Grader.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            var request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClasspathRoots(Set.of(testClasses)))
                    .filters(includeClassNamePatterns(STANDARD_INCLUDE_PATTERN))
                    .build();
            var plan = LauncherFactory.create().discover(request);
            var tag = TestTag.create("task:" + task.number());
            var names = new ArrayList<String>();
            for (var root : plan.getRoots()) {
                plan.getDescendants(root).stream()
                        .filter(test -> test.isTest() && test.getTags().contains(tag))
                        .forEach(test -> names.add(test.getDisplayName()));
            }
            return names.stream().sorted().toList();
        } catch (IOException e) {
            throw new GradingException("could not read the graded tests of " + task.module() + ": " + e.getMessage());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
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

    static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A temporary folder left behind costs disk, not a grade.
        }
    }
}
