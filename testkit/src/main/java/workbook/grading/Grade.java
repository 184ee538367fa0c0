package workbook.grading;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The instructors' grade command: grades one submission, or every submission in a folder.
 *
 * <p>Run through Maven from the workbook's root: {@code ./mvnw -q -Dgrade=<folder>}.
 * For one submission it prints the table and writes {@code grade-report.json} and
 * {@code grade-report.md} into the submission's folder. For a folder of submissions (each
 * subfolder one submission) it does so for each, then prints the summary and writes
 * {@code grade-summary.md} and {@code grade-summary.csv} into the folder.
 *
 * <p>Exits with 0 when grading ran, whatever the scores, and with 2 when it could not run, after
 * one sentence saying why.
 */
public final class Grade {

    private Grade() {
    }

    /**
     * Grades a submission or a folder of submissions.
     *
     * @param args the workbook's root; the home of the Maven to build with (empty: the workbook's
     *             Maven Wrapper); the folder to grade, absolute or relative to the working directory
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 3 || args[2].isBlank() || args[2].equals("true")) {
            err.println("Grading could not run: name the submission to grade, e.g. ./mvnw -q -Dgrade=path/to/submission");
            return 2;
        }
        var workbook = Path.of(args[0]).toAbsolutePath().normalize();
        var grader = new Grader(workbook, Grader.mavenCommand(workbook, args[1]));
        var target = Path.of(args[2].replaceFirst("^~(?=[/\\\\]|$)", System.getProperty("user.home")))
                .toAbsolutePath().normalize();
        try {
            if (!Files.isDirectory(target)) {
                throw new GradingException("there is no folder " + target);
            }
            if (isSubmission(target)) {
                gradeOne(grader, target, out);
            } else {
                var submissions = subfolders(target);
                if (submissions.stream().noneMatch(Grade::isSubmission)) {
                    throw new GradingException(target + " is neither a submission (it has no " + Points.task(0).module()
                            + " folder) nor a folder of submissions");
                }
                var reports = new ArrayList<Report>();
                for (int i = 0; i < submissions.size(); i++) {
                    out.printf("[%d/%d] ", i + 1, submissions.size());
                    reports.add(gradeOne(grader, submissions.get(i), out));
                }
                write(target.resolve("grade-summary.md"), Reports.summaryMarkdown(reports));
                write(target.resolve("grade-summary.csv"), Reports.summaryCsv(reports));
                out.println(Reports.summaryText(reports));
                out.println("Wrote " + target.resolve("grade-summary.md") + " and " + target.resolve("grade-summary.csv"));
            }
            return 0;
        } catch (GradingException e) {
            err.println("Grading could not run: " + e.getMessage() + ".");
            return 2;
        }
    }

    private static Report gradeOne(Grader grader, Path submission, PrintStream out) throws GradingException {
        out.println("Grading " + submission + " ...");
        long start = System.nanoTime();
        var report = grader.grade(submission);
        var json = submission.resolve("grade-report.json");
        var md = submission.resolve("grade-report.md");
        write(json, Reports.json(report));
        write(md, Reports.markdown(report));
        out.println(Reports.text(report));
        out.printf("Graded in %d s; wrote %s and %s%n%n", Math.round((System.nanoTime() - start) / 1e9), json, md);
        return report;
    }

    /** Returns whether {@code folder} is shaped like the workbook: it has at least one task's folder. */
    static boolean isSubmission(Path folder) {
        return Points.TASKS.stream().anyMatch(task -> Files.isDirectory(folder.resolve(task.module())));
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
