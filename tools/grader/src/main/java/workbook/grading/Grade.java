package workbook.grading;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import workbook.testkit.Task;

/**
 * The instructors' grade command: grades one submission, or every submission in a folder.
 *
 * <p>Run through Maven from the workbook's root: {@code ./mvnw -q -Dgrade=<folder>}.
 * For one submission it prints the table and writes {@code grade-report.json} and
 * {@code grade-report.md} into the submission's folder. For a folder of submissions (each
 * subfolder one submission) it does so for each, then prints the summary and writes
 * {@code grade-summary.md} and {@code grade-summary.csv} into the folder.
 *
 * <p>Options after the folder: {@code --only=N} grades Task N alone (the tasks before it are
 * compiled, not tested); {@code --jobs=N} grades up to N submissions of a folder at once (default
 * 1: timing checks run on a quiet machine); {@code --strict} checks instead of grading (the maintainers' check of the
 * reference solutions): it prints the table, writes no report, and exits with 1 unless every graded
 * test of every task passed.
 *
 * <p>Exits with 0 when grading ran, whatever the scores, and with 2 when it could not run, after
 * one sentence saying why.
 */
public final class Grade {

    /**
     * How long one task's suite may run: an honest suite takes seconds; one whose code never
     * returns is stopped here, with its tests bounded at 20 s each, 8 at a time.
     */
    static final Duration SUITE_LIMIT = Duration.ofSeconds(60);

    private Grade() {
    }

    /**
     * Grades a submission or a folder of submissions.
     *
     * @param args the workbook's root; the folder to grade, absolute or relative to the working
     *             directory; then the options
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || args[1].isBlank() || args[1].equals("true")) {
            err.println("Grading could not run: name the submission to grade, e.g. ./mvnw -q -Dgrade=path/to/submission");
            return 2;
        }
        var workbook = Path.of(args[0]).toAbsolutePath().normalize();
        var target = Path.of(args[1].replaceFirst("^~(?=[/\\\\]|$)", System.getProperty("user.home")))
                .toAbsolutePath().normalize();
        var options = Arrays.asList(args).subList(2, args.length);
        try {
            Grader.Scope scope = new Grader.Scope.All();
            boolean strict = false;
            int jobs = 1;
            for (var option : options) {
                if (option.equals("--strict")) {
                    strict = true;
                } else if (option.matches("--jobs=[1-9]\\d*")) {
                    jobs = Integer.parseInt(option.substring("--jobs=".length()));
                } else if (option.matches("--only=\\d+")) {
                    scope = new Grader.Scope.Only(Task.number(Integer.parseInt(option.substring("--only=".length()))).number());
                } else if (!option.equals("--only=") && !option.equals("--jobs=")) { // -Dgrade.only, -Dgrade.jobs left empty
                    throw new GradingException("unknown option " + option + " (expected --only=N, --jobs=N or --strict)");
                }
            }
            var grader = new Grader(workbook, suiteClasspath(), SUITE_LIMIT);
            if (!Files.isDirectory(target)) {
                throw new GradingException(Files.exists(target) ? target + " is a file, not a folder" : "there is no folder " + target);
            }
            var reports = new ArrayList<Report>();
            boolean folder = !isSubmission(target);
            if (!folder) {
                reports.add(gradeOne(grader, target, scope, !strict, out));
            } else {
                var submissions = subfolders(target);
                if (submissions.stream().noneMatch(Grade::isSubmission)) {
                    throw new GradingException(target + " is neither a submission (it has no " + Task.number(0).module()
                            + " folder) nor a folder of submissions");
                }
                reports.addAll(gradeAll(grader, submissions, scope, !strict, jobs, out));
            }
            if (folder) {
                out.println(Reports.summaryText(reports));
            }
            if (folder && !strict) {
                write(target.resolve("grade-summary.md"), Reports.summaryMarkdown(reports));
                write(target.resolve("grade-summary.csv"), Reports.summaryCsv(reports));
                out.println("Wrote " + target.resolve("grade-summary.md") + " and " + target.resolve("grade-summary.csv"));
            }
            if (strict && !reports.stream().allMatch(Grade::allDone)) {
                err.println("Not every graded test passed: see the table above.");
                return 1;
            }
            return 0;
        } catch (GradingException | IllegalArgumentException e) {
            err.println("Grading could not run: " + e.getMessage() + ".");
            return 2;
        }
    }

    /**
     * Grades {@code submissions}, up to {@code jobs} at once, and prints each one's table in
     * folder order as soon as it and those before it are done.
     */
    private static List<Report> gradeAll(Grader grader, List<Path> submissions, Grader.Scope scope, boolean write,
                                         int jobs, PrintStream out) throws GradingException {
        try (var pool = Executors.newFixedThreadPool(jobs)) {
            var graded = new ArrayList<Future<Timed>>();
            var printed = new ArrayList<ByteArrayOutputStream>();
            for (int i = 0; i < submissions.size(); i++) {
                var text = new ByteArrayOutputStream();
                var print = new PrintStream(text, true, StandardCharsets.UTF_8);
                print.printf("[%d/%d] ", i + 1, submissions.size());
                var submission = submissions.get(i);
                graded.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    var report = gradeOne(grader, submission, scope, write, print);
                    return new Timed(report, (System.nanoTime() - start) / 1e9);
                }));
                printed.add(text);
            }
            var reports = new ArrayList<Report>();
            long start = System.nanoTime();
            for (int i = 0; i < graded.size(); i++) {
                Timed timed;
                try {
                    timed = graded.get(i).get();
                    reports.add(timed.report());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof GradingException g ? g
                            : new GradingException("grading " + submissions.get(i) + " failed: " + e.getCause());
                } finally {
                    out.print(printed.get(i).toString(StandardCharsets.UTF_8));
                }
                out.print(progressLine(i + 1, submissions.size(), timed, (System.nanoTime() - start) / 1e9));
            }
            return reports;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GradingException("grading was interrupted");
        }
    }

    /**
     * Returns the line that tells an instructor how far the grading of a folder is, e.g.
     * {@code [12/100] alice: 23/27, bonus 5/20 (14 s) · about 21 min left}: the time left is the
     * mean time per submission so far times the submissions left.
     */
    static String progressLine(int done, int count, Timed timed, double elapsedSeconds) {
        double left = elapsedSeconds / done * (count - done);
        var eta = done == count ? "done" : left < 90 ? "about %d s left".formatted(Math.round(left))
                : "about %d min left".formatted(Math.round(left / 60));
        return "[%d/%d] %s: %s (%d s) · %s%n%n".formatted(done, count, timed.report().name(),
                Reports.total(timed.report()), Math.round(timed.seconds()), eta);
    }

    /** A submission's report and how long its grading took. */
    record Timed(Report report, double seconds) {
    }

    private static boolean allDone(Report report) {
        return report.tasks().stream().allMatch(t -> t.done() || t.status() == TaskReport.Status.NOT_GRADED);
    }

    private static Report gradeOne(Grader grader, Path submission, Grader.Scope scope, boolean write, PrintStream out)
            throws GradingException {
        out.println("Grading " + submission + " ...");
        long start = System.nanoTime();
        var report = grader.grade(submission, scope);
        out.println(Reports.text(report));
        long seconds = Math.round((System.nanoTime() - start) / 1e9);
        if (write) {
            var json = submission.resolve("grade-report.json");
            var md = submission.resolve("grade-report.md");
            write(json, Reports.json(report));
            write(md, Reports.markdown(report));
            out.printf("Graded in %d s; wrote %s and %s%n%n", seconds, json, md);
        } else {
            out.printf("Checked in %d s%n%n", seconds);
        }
        return report;
    }

    /**
     * Returns what a graded suite runs with besides the tasks' classes: this JVM's class path
     * (the testkit and its libraries) without the grader's own classes, which never run beside
     * student code.
     */
    static List<Path> suiteClasspath() throws GradingException {
        try {
            var grader = Path.of(Grade.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                    .map(Path::of)
                    .filter(entry -> !entry.toAbsolutePath().equals(grader.toAbsolutePath()))
                    .toList();
        } catch (URISyntaxException | SecurityException e) {
            throw new GradingException("could not tell the grader's class path: " + e.getMessage());
        }
    }

    /** Returns whether {@code folder} is shaped like the workbook: it has at least one task's folder. */
    static boolean isSubmission(Path folder) {
        return Task.all().stream().anyMatch(task -> Files.isDirectory(folder.resolve(task.module())));
    }

    private static List<Path> subfolders(Path folder) throws GradingException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory)
                    .filter(child -> !child.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new GradingException("could not list " + folder + ": " + e.getMessage());
        }
    }

    private static void write(Path file, String text) throws GradingException {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GradingException("could not write " + file + ": " + e.getMessage());
        }
    }
}
