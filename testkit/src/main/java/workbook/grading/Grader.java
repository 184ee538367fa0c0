package workbook.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Grades a submission against the workbook's own tests.
 *
 * <p>A submission is a folder shaped like the workbook (a student's copy or clone). Only the five
 * student files listed in {@link Points} are taken from it: the tests, POMs and {@code Main}
 * programs are the workbook's own, so nothing else a student changed can change the score.
 *
 * <p>One Maven build runs in the workbook: {@code test -fae -Dmaven.test.failure.ignore=true
 * -Dsubmission=<folder>}, which compiles every task from the submission's file and runs every
 * graded suite, whatever the earlier tasks did. The grader then reads each task module's
 * {@code target/graded-results.tsv} (written by {@link ScoreListener}) and, for a task that does
 * not compile, the compiler's first error in Maven's output. The task modules' {@code target}
 * folders are deleted first, so nothing from an earlier build is read. Two grades cannot run in one
 * workbook at once: the second fails at once instead of mixing its results with the first.
 */
public final class Grader {

    /** How long one submission's build may take before it is stopped: a generous bound for hung forks. */
    private static final long TIME_LIMIT_MINUTES = 30;

    private final Path workbook;
    private final List<String> maven;

    /**
     * Creates a grader that builds in {@code workbook} with the Maven command {@code maven}.
     *
     * @param workbook the workbook's root folder (the one holding its parent {@code pom.xml})
     * @param maven    the command that starts Maven, e.g. {@code [/opt/maven/bin/mvn]} or {@code [<root>/mvnw]}
     */
    public Grader(Path workbook, List<String> maven) {
        this.workbook = workbook.toAbsolutePath().normalize();
        this.maven = List.copyOf(maven);
    }

    /**
     * Returns the command that starts the Maven installed at {@code mavenHome}, or the workbook's
     * Maven Wrapper when {@code mavenHome} is empty or holds no Maven.
     */
    public static List<String> mavenCommand(Path workbook, String mavenHome) {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        if (mavenHome != null && !mavenHome.isBlank()) {
            var mvn = Path.of(mavenHome, "bin", windows ? "mvn.cmd" : "mvn");
            if (Files.isRegularFile(mvn)) {
                return List.of(mvn.toString());
            }
        }
        return List.of(workbook.resolve(windows ? "mvnw.cmd" : "mvnw").toString());
    }

    /**
     * Grades the submission in {@code folder}: builds it and returns how each task fared.
     *
     * <p>Blocks until the build is over: about half a minute, up to {@value #TIME_LIMIT_MINUTES}
     * minutes for a submission whose tests hang the test JVM.
     *
     * @throws GradingException if grading could not run: no such folder, Maven could not start, the
     *                          workbook itself did not build, another grade holds the workbook
     */
    public Report grade(Path folder) throws GradingException {
        var submission = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(submission)) {
            throw new GradingException("there is no folder " + submission);
        }
        Predicate<Points> handedIn = task -> Files.isRegularFile(submission.resolve(task.studentFile()));
        var gradedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        if (Points.TASKS.stream().noneMatch(handedIn)) {
            return assemble(submission, gradedAt, handedIn, new Build(0, List.of()), task -> Optional.empty());
        }
        var build = build(submission);
        try {
            return assemble(submission, gradedAt, handedIn, build, this::results);
        } catch (UncheckedIOException e) {
            throw new GradingException("could not read the graded results: " + e.getCause().getMessage());
        }
    }

    /** The outcome of the Maven build: its exit code and its output, one line per element. */
    record Build(int exitCode, List<String> output) {
    }

    /**
     * Returns how each task fared, from what the build left.
     *
     * @param handedIn whether the submission has a task's file
     * @param build    the Maven build
     * @param results  the graded results a task's suite wrote, if it wrote any
     * @throws GradingException if the build failed outside the task modules (the workbook itself
     *                          did not build) or failed without saying in which module
     */
    static Report assemble(Path submission, Instant gradedAt, Predicate<Points> handedIn, Build build,
                           Function<Points, Optional<List<TestResult>>> results) throws GradingException {
        var modules = Points.TASKS.stream().map(Points::module).toList();
        var errors = MavenOutput.compileErrors(build.output(), modules);
        var failures = MavenOutput.failures(build.output());
        for (var failure : failures.values()) {
            if (!modules.contains(failure.module())) {
                throw new GradingException("the workbook itself did not build (" + failure.module() + ": "
                        + failure.reason() + ")");
            }
        }
        if (build.exitCode() != 0 && failures.isEmpty()) {
            throw new GradingException("Maven failed before building any task ("
                    + MavenOutput.firstError(build.output()).orElse("exit code " + build.exitCode()) + ")");
        }
        var tasks = new ArrayList<TaskReport>();
        String blocked = null;
        for (var task : Points.TASKS) {
            var failure = failures.get(task.module());
            TaskReport report;
            if (!handedIn.test(task)) {
                report = TaskReport.notGraded(task, TaskReport.Status.MISSING,
                        "missing: the submission has no " + task.studentFile());
            } else if (blocked != null) {
                report = TaskReport.notGraded(task, TaskReport.Status.NOT_GRADED, "not graded: " + blocked);
            } else if (errors.containsKey(task.module())) {
                report = TaskReport.doesNotCompile(task, errors.get(task.module()));
            } else if (failure != null && failure.compilation()) {
                report = TaskReport.notGraded(task, TaskReport.Status.DOES_NOT_COMPILE, "does not compile: " + failure.reason());
            } else {
                report = results.apply(task).map(r -> TaskReport.graded(task, r)).orElseGet(() ->
                        TaskReport.notGraded(task, TaskReport.Status.NO_RESULTS, failure == null
                                ? "no graded test ran"
                                : "the graded tests did not finish: " + failure.reason()));
            }
            // Maven builds no module after one that failed: the later tasks all depend on it.
            if (blocked == null && (report.status() == TaskReport.Status.MISSING || failure != null)) {
                blocked = switch (report.status()) {
                    case MISSING -> "Task " + task.number() + " is missing";
                    case DOES_NOT_COMPILE -> "Task " + task.number() + " does not compile";
                    default -> "the build stopped at Task " + task.number();
                };
            }
            tasks.add(report);
        }
        return new Report(submission, gradedAt, tasks);
    }

    /** Runs the build of a submission in the workbook, holding the workbook's grading lock. */
    private Build build(Path submission) throws GradingException {
        var dir = workbook.resolve("target").resolve("grading");
        var log = dir.resolve("maven.log");
        var command = new ArrayList<>(maven);
        command.addAll(List.of("-B", "-ntp", "-f", workbook.resolve("pom.xml").toString(), "test", "-fae",
                "-Dmaven.test.failure.ignore=true", "-Dsubmission=" + submission));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new GradingException("could not create " + dir + ": " + e.getMessage());
        }
        try (var lockFile = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var lock = lockFile.tryLock()) {
            if (lock == null) {
                throw new GradingException("another grade is running in " + workbook
                        + "; two grades in one workbook would mix their results, so wait for it to end");
            }
            for (var task : Points.TASKS) {
                delete(workbook.resolve(task.module()).resolve("target"));
            }
            var builder = new ProcessBuilder(command).directory(workbook.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            fastMaven(builder.environment());
            var process = builder.start();
            try {
                if (!process.waitFor(TIME_LIMIT_MINUTES, TimeUnit.MINUTES)) {
                    throw new GradingException("the build took more than " + TIME_LIMIT_MINUTES
                            + " minutes and was stopped (see " + log + ")");
                }
            } finally {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            // Maven writes in the platform's encoding; undecodable bytes become U+FFFD, never an error.
            var output = MavenOutput.lines(new String(Files.readAllBytes(log), nativeCharset()));
            return new Build(process.exitValue(), output);
        } catch (IOException | UncheckedIOException e) {
            throw new GradingException("Maven could not run (" + String.join(" ", command) + "): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GradingException("grading was interrupted");
        }
    }

    /**
     * Makes the build cheaper: Maven runs on this JDK (21 or newer, the one the toolchain chose to
     * run the grader), so that the build needs no toolchain and compiles inside Maven's JVM instead
     * of starting javac twice per module. The tests run on this JDK either way.
     */
    private static void fastMaven(Map<String, String> environment) {
        var home = Path.of(System.getProperty("java.home"));
        if (Files.isRegularFile(home.resolve("bin").resolve("javac")) || Files.isRegularFile(home.resolve("bin").resolve("javac.exe"))) {
            environment.put("JAVA_HOME", home.toString());
        }
    }

    /** Returns the graded results a task's suite wrote, if it wrote any. */
    private Optional<List<TestResult>> results(Points task) {
        var file = workbook.resolve(task.module()).resolve("target").resolve("graded-results.tsv");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank()).map(TestResult::parse).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static Charset nativeCharset() {
        try {
            return Charset.forName(System.getProperty("native.encoding"));
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }
}
