package workbook.grading;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import workbook.testkit.Task;

/**
 * The instructors' grade command: grades one submission, or every submission in a folder.
 *
 * <p>Run through Maven from the workbook's root: {@code ./mvnw -q -Dgrade=<folder>}.
 * For one submission it prints the table and writes {@code grade-report.json},
 * {@code grade-report.md} and {@code grade-log.txt} (the table, then what the suites printed) into
 * the submission's folder. For a folder of submissions (each subfolder one submission) it does so
 * for each, printing one progress line per submission, then prints the summary and writes
 * {@code grade-summary.md}, {@code grade-summary.csv} and the class report
 * {@code grade-class.html} into the folder.
 *
 * <p>Options after the folder: {@code --only=N} grades Task N alone (the tasks before it are
 * compiled, not tested); {@code --jobs=N} runs up to N suites at once (default: one per core);
 * {@code --jvm-per-task} runs each task's suite in a JVM of its own rather than a submission's
 * suites in one (slower, the same grades); {@code --from-reports} grades nothing but builds the
 * summaries and the class report of a folder whose submissions already hold their
 * {@code grade-report.json}, graded elsewhere; {@code --strict} checks instead of grading (the
 * maintainers' check of the reference solutions): it prints the table, writes no report, and
 * exits with 1 unless every graded test of every task passed.
 *
 * <p>Exits with 0 when grading ran, whatever the scores, and with 2 when it could not run, after
 * one sentence saying why. A submission that could not be graded is a row saying why: the others
 * are graded.
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
            boolean jvmPerTask = false;
            boolean fromReports = false;
            int jobs = Runtime.getRuntime().availableProcessors();
            for (var option : options) {
                if (option.equals("--strict")) {
                    strict = true;
                } else if (option.matches("--jvm-per-task(=true)?")) {
                    jvmPerTask = true;
                } else if (option.matches("--from-reports(=true)?")) {
                    fromReports = true;
                } else if (option.matches("--jobs=[1-9]\\d*")) {
                    jobs = Integer.parseInt(option.substring("--jobs=".length()));
                } else if (option.matches("--only=\\d+")) {
                    scope = new Grader.Scope.Only(Task.number(Integer.parseInt(option.substring("--only=".length()))).number());
                } else if (!option.matches("--(only|jobs|jvm-per-task|from-reports)=(false)?")) { // -Dgrade.only, ... left empty
                    throw new GradingException("unknown option " + option + " (expected --only=N, --jobs=N, --jvm-per-task, --from-reports or --strict)");
                }
            }
            if (!Files.isDirectory(target)) {
                throw new GradingException(Files.exists(target) ? target + " is a file: name a submission's folder, or a folder of them"
                        : "there is no folder " + target);
            }
            var grader = new Grader(workbook, suiteClasspath(), SUITE_LIMIT, jobs, jvmPerTask);
            if (isSubmission(target)) {
                var report = gradeOne(grader, target, scope, !strict);
                out.println(Reports.text(report));
                if (!strict) {
                    out.println("Wrote " + target.resolve("grade-report.md") + ", grade-report.json and grade-log.txt");
                }
                if (strict && !allDone(report)) {
                    err.println("Not every graded test passed: see the table above.");
                    return 1;
                }
                return 0;
            }
            var submissions = subfolders(target);
            if (submissions.isEmpty()) {
                throw new GradingException(target + " holds no submission: put each submission in a subfolder of its own,"
                        + " or name a submission's folder (one with " + Task.number(0).module() + " in it)");
            }
            if (submissions.stream().noneMatch(Grade::isSubmission)) {
                throw new GradingException(target + " is neither a submission (it has no " + Task.number(0).module()
                        + " folder) nor a folder of submissions");
            }
            if (!fromReports) {
                out.printf("Grading %d submissions in %s, %s at once; each one's report and log go into its folder.%n",
                        submissions.size(), target, jobs == 1 ? "one suite" : jobs + " suites");
            }
            var reports = fromReports ? readAll(submissions, out) : gradeAll(grader, submissions, scope, !strict, jobs, out);
            out.println();
            out.println(Reports.summaryText(reports));
            sameNameButCase(submissions).forEach(out::println);
            if (strict) {
                if (!reports.stream().allMatch(Grade::allDone)) {
                    err.println("Not every graded test passed: see the table above.");
                    return 1;
                }
                return 0;
            }
            write(target.resolve("grade-summary.md"), Reports.summaryMarkdown(reports));
            write(target.resolve("grade-summary.csv"), Reports.summaryCsv(reports));
            var pairs = Similarity.pairs(workbook, reports);
            pairs.stream().filter(Similarity.Pair::flagged).forEach(pair -> out.printf(
                    "Alike: %s and %s, %d%% of their own code in common (see grade-class.html)%n",
                    pair.a(), pair.b(), Math.round(pair.similarity() * 100)));
            write(target.resolve("grade-class.html"), ClassReport.html(workbook, target, reports, pairs));
            out.println("Wrote " + target.resolve("grade-summary.md") + ", grade-summary.csv and grade-class.html");
            return 0;
        } catch (GradingException | IllegalArgumentException e) {
            err.println("Grading could not run: " + e.getMessage() + ".");
            return 2;
        }
    }

    /**
     * Grades {@code submissions} and prints a progress line for each, in folder order, as soon as
     * it and those before it are done.
     *
     * <p>One submission more than {@code jobs} is in hand at a time: its files compile while
     * another's suites run, and no more than {@code jobs} suites run at once (the grader's permits).
     * A submission whose grading fails becomes a report saying why; the others are graded.
     */
    private static List<Report> gradeAll(Grader grader, List<Path> submissions, Grader.Scope scope, boolean write,
                                         int jobs, PrintStream out) {
        long start = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(jobs + 1)) {
            var graded = submissions.stream().map(submission -> pool.submit(() -> gradeOne(grader, submission, scope, write)))
                    .toList();
            var reports = new ArrayList<Report>();
            double previous = 0;
            for (int i = 0; i < graded.size(); i++) {
                Report report;
                try {
                    report = graded.get(i).get();
                } catch (ExecutionException e) {
                    report = Report.notGraded(submissions.get(i), Instant.now().truncatedTo(ChronoUnit.SECONDS),
                            String.valueOf(e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    pool.shutdownNow();
                    break;
                }
                reports.add(report);
                // What a submission costs the folder: the time since the one before it was done.
                double elapsed = (System.nanoTime() - start) / 1e9;
                out.print(progressLine(i + 1, submissions.size(), new Timed(report, elapsed - previous), elapsed));
                previous = elapsed;
            }
            return reports;
        }
    }

    /**
     * Returns the reports the submissions' folders already hold ({@code grade-report.json}, graded
     * elsewhere, e.g. one job per student on a CI engine); a folder without one is a report saying so.
     */
    private static List<Report> readAll(List<Path> submissions, PrintStream out) {
        var reports = new ArrayList<Report>();
        for (var submission : submissions) {
            Report report;
            try {
                report = Reports.read(submission.resolve("grade-report.json"), submission);
            } catch (GradingException e) {
                report = Report.notGraded(submission, Instant.now().truncatedTo(ChronoUnit.SECONDS), e.getMessage());
            }
            reports.add(report);
            out.printf("[%d/%d] %s: %s (read from its grade-report.json)%n", reports.size(), submissions.size(),
                    report.name(), Reports.total(report));
        }
        return reports;
    }

    /**
     * Returns the line that tells an instructor how far the grading of a folder is, e.g.
     * {@code [12/100] alice: 23/27, bonus 5/20 (14 s) · about 21 min left}: the time left is the
     * mean time per submission so far times the submissions left. A submission that was not
     * attempted, or could not be graded, says so.
     */
    static String progressLine(int done, int count, Timed timed, double elapsedSeconds) {
        double left = elapsedSeconds / done * (count - done);
        var eta = done == count ? "done" : left < 90 ? "about %d s left".formatted(Math.round(left))
                : "about %d min left".formatted(Math.round(left / 60));
        var report = timed.report();
        var standing = switch (report.standing()) {
            case ATTEMPTED -> "";
            case NOT_GRADED -> " · not graded: " + report.problem();
            default -> " · " + report.standing().label();
        };
        return "[%d/%d] %s: %s (%d s)%s · %s%n".formatted(done, count, report.name(), Reports.total(report),
                Math.round(timed.seconds()), standing, eta);
    }

    /** A submission's report and how long its grading took the folder. */
    record Timed(Report report, double seconds) {
    }

    private static boolean allDone(Report report) {
        return report.tasks().stream().allMatch(t -> t.done() || t.status() == TaskReport.Status.NOT_GRADED);
    }

    /**
     * Grades one submission and, when {@code write}, writes its reports and log into its folder;
     * a submission that cannot be graded gets a report saying why.
     */
    private static Report gradeOne(Grader grader, Path submission, Grader.Scope scope, boolean write) {
        var log = submission.resolve("grade-log.txt");
        Report report;
        try {
            report = grader.grade(submission, scope, write ? log : null);
        } catch (GradingException | RuntimeException e) {
            report = Report.notGraded(submission, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                    e instanceof GradingException ? e.getMessage() : e.toString());
        }
        if (write) {
            try {
                write(submission.resolve("grade-report.json"), Reports.json(report));
                write(submission.resolve("grade-report.md"), Reports.markdown(report));
                var printed = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
                write(log, Reports.text(report) + System.lineSeparator() + printed);
            } catch (GradingException | IOException e) {
                return Report.notGraded(submission, report.gradedAt(), e.getMessage());
            }
        }
        return report;
    }

    /** Returns one sentence per group of submissions whose names differ only in case. */
    static List<String> sameNameButCase(List<Path> submissions) {
        return submissions.stream()
                .map(s -> s.getFileName().toString())
                .collect(Collectors.groupingBy(name -> name.toLowerCase(Locale.ROOT), TreeMap::new, Collectors.toList()))
                .values().stream()
                .filter(names -> names.size() > 1)
                .map(names -> "Note: " + String.join(" and ", names) + " differ only in case: each was graded on its own,"
                        + " but a gradebook or a case-insensitive file system may take one for the other.")
                .toList();
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
