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
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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

        /** One task; the tasks before it are compiled, not tested, and the tasks after it are not read. */
        record Only(int task) implements Scope {
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The heap of a suite's JVM: the suites need a few dozen MiB; code that hoards memory stops at this. */
    static final int HEAP_MIB = 1024;

    private final Path workbook;
    private final List<Path> suiteClasspath;
    private final Duration suiteLimit;
    /** Whether each task's suite runs in a JVM of its own, rather than a submission's suites in one. */
    private final boolean jvmPerTask;
    /** The permits to run suites: timing checks need a machine that runs no other suite beside them. */
    private final Semaphore permits;
    /** The display names of each task's graded tests, by task number: the workbook's own, the same for every submission. */
    private final Map<Integer, List<String>> expected = new ConcurrentHashMap<>();
    /** The digest of what a grade is made from besides the student's files, taken when the grader was made. */
    private final byte[] fingerprint;

    /**
     * Creates a grader for the workbook in {@code workbook} that runs one suite at a time, a
     * submission's suites in one JVM.
     *
     * @param workbook       the workbook's root folder (the one holding {@code tasks.json})
     * @param suiteClasspath what a graded suite needs besides the tasks' classes: the testkit and
     *                       its libraries
     * @param suiteLimit     how long one task's suite may run before its JVM is stopped
     */
    public Grader(Path workbook, List<Path> suiteClasspath, Duration suiteLimit) throws GradingException {
        this(workbook, suiteClasspath, suiteLimit, 1, false);
    }

    /**
     * Creates a grader for the workbook in {@code workbook}.
     *
     * @param suitesAtOnce how many suites may run at the same time, over every call of this grader
     * @param jvmPerTask   whether each task's suite runs in a JVM of its own (slower; the same grades)
     */
    public Grader(Path workbook, List<Path> suiteClasspath, Duration suiteLimit, int suitesAtOnce, boolean jvmPerTask)
            throws GradingException {
        this.workbook = workbook.toAbsolutePath().normalize();
        this.suiteClasspath = List.copyOf(suiteClasspath);
        this.suiteLimit = suiteLimit;
        this.jvmPerTask = jvmPerTask;
        this.permits = new Semaphore(suitesAtOnce, true);
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
        return grade(folder, scope, null);
    }

    /**
     * Grades the submission in {@code folder}, as {@link #grade(Path, Scope)} does, and writes into
     * {@code log} what its suites' JVMs printed (the tests and the code under test), suite by suite.
     */
    public Report grade(Path folder, Scope scope, Path log) throws GradingException {
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
            var report = new Report(submission, gradedAt, gradeTasks(submission, scope, work));
            if (log != null) {
                writeLog(work.resolve("logs"), log);
            }
            return report;
        } finally {
            delete(work);
        }
    }

    private List<TaskReport> gradeTasks(Path submission, Scope scope, Path work) throws GradingException {
        var compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new GradingException("the grader runs on a JRE, not a JDK: it needs the JDK's compiler");
        }
        if (jvmPerTask || !(scope instanceof Scope.All)) {
            return gradeFrom(compiler, submission, scope, work, List.of(), suite -> runSuites(List.of(suite)).getFirst());
        }
        // Every task is compiled first, then their suites run one after another in one JVM. From
        // the first suite that does not end cleanly there, the tasks left are graded as they are
        // with a JVM per task: a grade never depends on which way ran it.
        var planned = new ArrayList<Suite>();
        var reports = gradeFrom(compiler, submission, scope, work, List.of(), suite -> {
            planned.add(suite);
            return null;
        });
        var outcomes = runSuites(planned).iterator();
        for (int i = 0; i < reports.size(); i++) {
            if (reports.get(i) != null) {
                continue;
            }
            if (!outcomes.hasNext()) {
                return gradeFrom(compiler, submission, scope, work, reports.subList(0, i),
                        suite -> runSuites(List.of(suite)).getFirst());
            }
            var report = outcomes.next();
            reports.set(i, report);
            if (!endedCleanly(report)) {
                useSkeleton(compiler, report.task(), classesOf(work, i), work.resolve(report.task().module()).resolve("classes"));
                return gradeFrom(compiler, submission, scope, work, reports.subList(0, i + 1),
                        suite -> runSuites(List.of(suite)).getFirst());
            }
        }
        return reports;
    }

    /** A graded suite ready to run: its task, the tasks' classes it runs against, its compiled tests. */
    private record Suite(Task task, List<Path> classpath, Path testClasses) {
    }

    /**
     * Grades the tasks after those already in {@code done}, in course order, and returns every
     * task's report; a report is null where {@code runner} returned null for the task's suite.
     */
    private List<TaskReport> gradeFrom(JavaCompiler compiler, Path submission, Scope scope, Path work,
                                       List<TaskReport> done, SuiteRun runner) throws GradingException {
        var reports = new ArrayList<>(done);
        var classpath = new ArrayList<>(classesOf(work, done.size()));
        String stoppedAt = scope instanceof Scope.UntilUnfinished
                ? done.stream().filter(r -> !r.done()).findFirst().map(r -> "it builds on Task " + r.task().number()).orElse(null)
                : null;
        for (var task : Task.all().subList(done.size(), Task.all().size())) {
            if (scope instanceof Scope.Only(int only) && task.number() > only) {
                // A later task builds on this one, never the reverse: it cannot change its grade.
                reports.add(notAskedFor(task, only));
                continue;
            }
            var module = work.resolve(task.module());
            delete(module);
            var classes = module.resolve("classes");
            var mine = submission.resolve(task.studentFile());
            boolean handedIn = Files.isRegularFile(mine) && Files.isReadable(mine);
            // A student checking their progress sees what each test of the task asks for instead.
            boolean untouched = handedIn && !(scope instanceof Scope.UntilUnfinished) && isSkeleton(task, mine);
            var error = handedIn && !untouched ? notUtf8(mine, task.studentFile()) : Optional.<CompileError>empty();
            if (handedIn && !untouched && error.isEmpty()) {
                error = compileMain(compiler, task, mine, classpath, classes);
            }
            // The allow-list gate: code outside it never runs, here or in a later task's suite.
            var forbidden = handedIn && !untouched && error.isEmpty()
                    ? StudentCode.of(task.studentClass(), classes).violations() : List.<StudentCode.Violation>of();
            boolean usable = handedIn && !untouched && error.isEmpty() && forbidden.isEmpty();
            if (!usable) {
                useSkeleton(compiler, task, classpath, classes);
            }
            classpath.add(classes);
            TaskReport report;
            if (!handedIn) {
                report = TaskReport.notGraded(task, TaskReport.Status.MISSING, Files.isDirectory(mine)
                        ? "missing: " + task.studentFile() + " is a folder in the submission, not a file"
                        : Files.isRegularFile(mine) ? "missing: the grader may not read " + task.studentFile() + " (see its permissions)"
                        : "missing: the submission has no " + task.studentFile());
            } else if (untouched) {
                // The untouched skeleton fails every graded test (CI proves it): one line says so.
                report = TaskReport.notGraded(task, TaskReport.Status.UNTOUCHED,
                        "untouched: " + task.studentFile() + " is still the skeleton");
            } else if (error.isPresent()) {
                report = TaskReport.doesNotCompile(task, error.get());
            } else if (!forbidden.isEmpty()) {
                report = TaskReport.notGraded(task, TaskReport.Status.FORBIDDEN_API, "Task " + task.number() + " scores 0: "
                        + forbidden.getFirst() + (forbidden.size() > 1 ? " (and %d more uses)".formatted(forbidden.size() - 1) : ""));
            } else if (stoppedAt != null) {
                report = TaskReport.notGraded(task, TaskReport.Status.NOT_GRADED, "not checked yet: " + stoppedAt);
            } else if (scope instanceof Scope.Only(int only) && only != task.number()) {
                report = notAskedFor(task, only);
            } else {
                var testClasses = module.resolve("test-classes");
                var testError = compileTests(compiler, task, classpath, testClasses);
                report = testError.isPresent()
                        ? TaskReport.notGraded(task, TaskReport.Status.DOES_NOT_COMPILE,
                                "does not compile: the graded tests do not compile against it: " + testError.get())
                        : runner.run(new Suite(task, List.copyOf(classpath), testClasses));
                if (report != null && !endedCleanly(report)) {
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

    /** Returns the report of a task left out because only Task {@code only} was asked for. */
    private static TaskReport notAskedFor(Task task, int only) {
        return TaskReport.notGraded(task, TaskReport.Status.NOT_GRADED, "not graded: only Task " + only + " was asked for");
    }

    /** Runs a suite, or plans it and returns null. */
    @FunctionalInterface
    private interface SuiteRun {
        TaskReport run(Suite suite) throws GradingException;
    }

    /** Returns whether a suite ran to its end and left nothing running: later suites may run beside its code. */
    private static boolean endedCleanly(TaskReport report) {
        return report.status() != TaskReport.Status.NO_RESULTS && report.status() != TaskReport.Status.LEFT_THREADS;
    }

    /** Returns the classes folders of the first {@code count} tasks, as graded in {@code work}. */
    private static List<Path> classesOf(Path work, int count) {
        return Task.all().subList(0, count).stream().map(t -> work.resolve(t.module()).resolve("classes")).toList();
    }

    /** Returns whether {@code file} is the task's untouched skeleton, whatever its line endings and trailing blanks. */
    boolean isSkeleton(Task task, Path file) throws GradingException {
        try {
            return normalized(Files.readString(workbook.resolve(task.studentFile()), StandardCharsets.UTF_8))
                    .equals(normalized(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return false; // the compiler says what is wrong with it
        }
    }

    /**
     * Returns the error of a file that is not UTF-8 text, which the compiler would reject with
     * one error per odd byte: one sentence, at the first line that is not.
     */
    private static Optional<CompileError> notUtf8(Path file, String name) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            int line = 1;
            for (int start = 0; start <= bytes.length; line++) {
                int end = start;
                while (end < bytes.length && bytes[end] != '\n') {
                    end++;
                }
                try {
                    StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, start, end - start));
                } catch (CharacterCodingException e) {
                    return Optional.of(new CompileError(name, line, 1,
                            "the file is not UTF-8 text: save it as UTF-8 (the workbook's encoding) and hand it in again"));
                }
                start = end + 1;
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // the compiler says what is wrong with it
        }
    }

    private static String normalized(String source) {
        return source.lines().map(String::stripTrailing).collect(Collectors.joining("\n")).strip();
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

    /**
     * Runs {@code suites} one after another in one JVM and returns their reports, in order: fewer
     * than asked for when the runner stopped after a suite whose code left work behind, and the
     * last one saying why when the JVM ended early or a suite ran out of time.
     *
     * <p>Blocks until a permit to run suites is free (see {@link #permits}), then while they
     * run: at most {@link #suiteLimit} per suite.
     */
    private List<TaskReport> runSuites(List<Suite> suites) throws GradingException {
        if (suites.isEmpty()) {
            return List.of();
        }
        var work = suites.getFirst().testClasses().getParent().getParent();
        var classpath = new ArrayList<Path>();
        suites.forEach(suite -> classpath.add(suite.testClasses()));
        classpath.addAll(suites.getLast().classpath());
        classpath.addAll(suiteClasspath);
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java, "-Xmx" + HEAP_MIB + "m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", join(classpath), SuiteRunner.class.getName()));
        for (var suite : suites) {
            if (suite != suites.getFirst()) {
                command.add("--");
            }
            command.add(suite.testClasses().toString());
            Task.all().stream().filter(t -> t.number() <= suite.task().number()).map(Task::studentClass).forEach(command::add);
        }
        var first = suites.getFirst().task().number();
        var last = suites.getLast().task().number();
        var logs = work.resolve("logs");
        var reports = new ArrayList<TaskReport>();
        try {
            Files.createDirectories(logs);
            // Numbered in the order the JVMs ran, which is the order the log of the submission keeps.
            var log = logs.resolve("%02d %s.log".formatted(count(logs),
                    first == last ? "Task " + first : "Tasks %d to %d".formatted(first, last)));
            permits.acquire();
            try {
                var process = new ProcessBuilder(command).directory(work.toFile()).redirectError(log.toFile()).start();
                process.getOutputStream().close();
                var lines = new LinkedBlockingQueue<Optional<String>>();
                Thread.ofVirtual().start(() -> {
                    try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
                        reader.lines().forEach(line -> lines.add(Optional.of(line)));
                    } catch (IOException | UncheckedIOException e) {
                        // The JVM was stopped: what it sent is in the queue.
                    }
                    lines.add(Optional.empty());
                });
                try {
                    var stray = new ArrayList<String>();
                    while (reports.size() < suites.size()) {
                        var suite = suites.get(reports.size());
                        // The JVM itself may write here too (ExitOnOutOfMemoryError's last words): the runner's lines are JSON.
                        var line = lines.poll(suiteLimit.toMillis(), TimeUnit.MILLISECONDS);
                        if (line == null) {
                            reports.add(TaskReport.notGraded(suite.task(), TaskReport.Status.NO_RESULTS, "its graded tests did not finish within "
                                    + suiteLimit.toSeconds() + " s and were stopped: some code never returns (a loop that never"
                                    + " ends, or a class whose static initializer never finishes)"));
                            break;
                        }
                        if (line.isEmpty()) {
                            int exit = process.waitFor();
                            if (exit != 0 || suites.size() == 1) {
                                reports.add(ended(suite.task(), exit, stray, log));
                            }
                            break;
                        }
                        if (line.get().startsWith("{")) {
                            reports.add(report(suite, JSON.readValue(line.get(), SuiteRunner.Outcome.class)));
                        } else {
                            stray.add(line.get());
                        }
                    }
                } finally {
                    // The runner exits right after its last line; code it left running is stopped here.
                    process.waitFor(reports.size() == suites.size() ? 1 : 0, TimeUnit.SECONDS);
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } finally {
                permits.release();
            }
            return reports;
        } catch (IOException e) {
            throw new GradingException("could not run the graded tests of " + suites.getFirst().task().module() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GradingException("grading was interrupted");
        }
    }

    /** Writes the logs in {@code logs}, in the order they were written, into {@code log}, each under a line naming its suites. */
    private static void writeLog(Path logs, Path log) throws GradingException {
        try (var out = Files.newOutputStream(log)) {
            var files = Files.isDirectory(logs) ? filesIn(logs, ".log") : List.<Path>of();
            if (files.isEmpty()) {
                out.write("No graded suite ran.\n".getBytes(StandardCharsets.UTF_8));
            }
            for (var file : files) {
                var name = file.getFileName().toString().replaceFirst("^\\d+ (.*)\\.log$", "$1");
                out.write("=== What the graded suites of %s printed, with the code under test ===%n".formatted(name)
                        .getBytes(StandardCharsets.UTF_8));
                Files.copy(file, out);
            }
        } catch (IOException e) {
            throw new GradingException("could not write " + log + ": " + e.getMessage());
        }
    }

    private static int count(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return (int) files.count();
        }
    }

    /** Returns the report of a suite whose JVM ended before it sent the suite's outcome. */
    private static TaskReport ended(Task task, int exit, List<String> stray, Path log) {
        boolean oom = Stream.concat(stray.stream(), lastLine(log).stream()).anyMatch(l -> l.contains("OutOfMemoryError"));
        return TaskReport.notGraded(task, TaskReport.Status.NO_RESULTS, oom
                ? "its graded tests ran out of memory (" + HEAP_MIB + " MiB): some code keeps everything it makes"
                        + " (a list that only grows, futures that are never released)"
                : "its test JVM ended without results (exit code " + exit + ")");
    }

    /** Returns the report of a suite from the outcome its runner sent, checked against the suite's graded tests. */
    private TaskReport report(Suite suite, SuiteRunner.Outcome outcome) throws GradingException {
        var task = suite.task();
        if (outcome.problem() != null && outcome.results().isEmpty()) {
            return TaskReport.notGraded(task, TaskReport.Status.NO_RESULTS, outcome.problem());
        }
        if (outcome.results().isEmpty()) {
            return TaskReport.notGraded(task, TaskReport.Status.NO_RESULTS, "no graded test ran");
        }
        var expected = expectedTests(task, suite.testClasses(), suite.classpath());
        var reported = outcome.results().stream().map(TestResult::displayName).sorted().toList();
        if (!reported.equals(expected)) {
            return TaskReport.notGraded(task, TaskReport.Status.NO_RESULTS, "its results do not match its graded tests ("
                    + reported.size() + " reported, " + expected.size() + " expected)");
        }
        return outcome.problem() == null ? TaskReport.graded(task, outcome.results(), outcome.seconds())
                : TaskReport.voided(task, "Task " + task.number() + " scores 0: " + outcome.problem(), outcome.results(),
                        outcome.seconds());
    }

    /**
     * Returns the display names of the graded tests of {@code task}'s suite, sorted, found by JUnit's
     * discovery in this JVM: test classes are loaded, never initialized, and no test runs.
     */
    private List<String> expectedTests(Task task, Path testClasses, List<Path> taskClasses) throws GradingException {
        var known = expected.get(task.number());
        if (known != null) {
            return known;
        }
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
            var sorted = names.stream().sorted().toList();
            expected.put(task.number(), sorted);
            return sorted;
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
        return filesIn(dir, ".java");
    }

    /** Returns the files under {@code dir} whose names end with {@code suffix}, sorted. */
    private static List<Path> filesIn(Path dir, String suffix) throws GradingException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
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
