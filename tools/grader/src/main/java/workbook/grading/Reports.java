package workbook.grading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import workbook.testkit.Task;
import workbook.testkit.TestResult;

/**
 * Renders grades: the console table, {@code grade-report.md}, {@code grade-report.json}, and the
 * summary of a folder of submissions (Markdown and CSV). The JSON schema is described in the
 * README's section for instructors; its {@code schemaVersion} changes when a field changes meaning.
 */
final class Reports {

    /** The version of the JSON schema written by {@link #json(Report)}. */
    static final int SCHEMA_VERSION = 2;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Reports() {
    }

    /** Returns the console table of a grade: one row per task, then one line per failed test or problem. */
    static String text(Report report) {
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s: %s points (%s)%n%n", report.name(), total(report), report.submission()));
        out.append(String.format(Locale.ROOT, "%-6s %-19s %12s %10s%n", "Task", "Module", "Tests passed", "Points"));
        for (var task : report.tasks()) {
            out.append(String.format(Locale.ROOT, "%-6s %-19s %12s %10s%n", "Task " + task.task().number(),
                    task.task().module(), testsCell(task), pointsCell(task)));
            if (task.status() != TaskReport.Status.GRADED) {
                out.append("         ").append(task.problem()).append(System.lineSeparator());
            }
            if (task.capped()) {
                out.append("         a core requirement fails: at most half the points").append(System.lineSeparator());
            }
            for (var failure : task.failures()) {
                out.append("         failed: ").append(failure.displayName()).append(": ")
                        .append(failure.firstLine()).append(System.lineSeparator());
            }
        }
        out.append(String.format(Locale.ROOT, "%-6s %-19s %12s %10s%n", "Total", "", "", total(report)));
        return out.toString();
    }

    /** Returns {@code grade-report.md}: the table, then what failed in each task. */
    static String markdown(Report report) {
        var md = new StringBuilder();
        md.append("# Grade of ").append(escape(report.name())).append(": ").append(total(report)).append(" points\n\n");
        md.append("Submission `").append(report.submission()).append("`, graded ").append(report.gradedAt())
                .append(" against the workbook's own tests.\n\n");
        md.append("| Task | Module | Tests passed | Points | Status |\n");
        md.append("|---|---|--:|--:|---|\n");
        for (var task : report.tasks()) {
            md.append("| ").append(task.task().number()).append(" | ").append(task.task().module()).append(" | ")
                    .append(testsCell(task)).append(" | ").append(pointsCell(task)).append(" | ")
                    .append(task.status().label().replace('-', ' ')).append(" |\n");
        }
        md.append("| **Total** | | | **").append(total(report)).append("** | |\n");
        var details = new StringBuilder();
        for (var task : report.tasks()) {
            var title = "### Task " + task.task().number() + " (" + task.task().module() + ")";
            if (task.status() == TaskReport.Status.DOES_NOT_COMPILE && task.compileError() != null) {
                var error = task.compileError();
                details.append(title).append(": does not compile\n\n`").append(error.file()).append(':')
                        .append(error.line()).append(':').append(error.column()).append("`: ")
                        .append(escape(error.message())).append("\n\n");
            } else if (task.status() != TaskReport.Status.GRADED) {
                details.append(title).append(": ").append(task.status().label().replace('-', ' ')).append("\n\n")
                        .append(escape(capitalize(task.problem()))).append(".\n\n");
            } else if (!task.failures().isEmpty()) {
                details.append(title).append(": ").append(task.failures().size()).append(" of ").append(task.total())
                        .append(" tests failed\n\n");
                for (var failure : task.failures()) {
                    details.append("- **").append(escape(failure.displayName())).append("**: ")
                            .append(escape(failure.firstLine())).append('\n');
                }
                details.append('\n');
            }
        }
        if (!details.isEmpty()) {
            md.append("\n## What failed\n\n").append(details);
        }
        return md.toString().stripTrailing() + "\n";
    }

    /** Returns {@code grade-report.json}. */
    static String json(Report report) {
        var tasks = report.tasks().stream().map(task -> new JsonTask(task.task().number(), task.task().part() == Task.Part.BONUS, task.task().module(),
                task.task().studentFile(), task.status().label(), task.problem().isEmpty() ? null : task.problem(),
                task.compileError(), task.passed(), task.total(), task.points(), task.task().points(), task.coreFailed(),
                task.seconds(), task.results().stream().map(r -> new JsonTest(r.displayName(),
                        r.status().name().toLowerCase(Locale.ROOT), r.firstLine(), r.core())).toList())).toList();
        var json = new JsonReport(SCHEMA_VERSION, report.submission().toString(), report.name(),
                report.gradedAt().toString(), report.standing().label(), report.problem(), report.points(),
                report.maxPoints(), report.bonusPoints(), report.bonusMaxPoints(), tasks);
        try {
            return JSON.writeValueAsString(json) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a grade report could not be written as JSON", e);
        }
    }

    /**
     * Reads a {@code grade-report.json} back, as the report of the submission in {@code submission}
     * (where the report is now: it may have been graded elsewhere).
     *
     * @throws GradingException if it is not a report of this schema and of this workbook's tasks
     */
    static Report read(Path file, Path submission) throws GradingException {
        try {
            var json = JSON.readValue(file.toFile(), JsonReport.class);
            if (json.schemaVersion() != SCHEMA_VERSION || json.tasks().size() != Task.all().size()) {
                throw new GradingException(file + " is a report of another version of the workbook (schema "
                        + json.schemaVersion() + ", " + json.tasks().size() + " tasks): grade the submission again");
            }
            var tasks = new ArrayList<TaskReport>();
            for (var task : json.tasks()) {
                var status = TaskReport.Status.valueOf(task.status().toUpperCase(Locale.ROOT).replace('-', '_'));
                var results = task.tests().stream().map(t -> new TestResult(task.task(), t.name(),
                        TestResult.Status.valueOf(t.status().toUpperCase(Locale.ROOT)), t.message(), t.core())).toList();
                tasks.add(new TaskReport(Task.number(task.task()), status, task.problem() == null ? "" : task.problem(),
                        task.compileError(), results, task.seconds()));
            }
            return new Report(submission, Instant.parse(json.gradedAt()), tasks, json.problem());
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            throw new GradingException("could not read " + file + ": " + e.getMessage());
        }
    }

    /** The shape of {@code grade-report.json} (described in INSTRUCTORS.md). */
    private record JsonReport(int schemaVersion, String submission, String name, String gradedAt, String standing,
                              String problem, double points, int maxPoints, double bonusPoints, int bonusMaxPoints,
                              List<JsonTask> tasks) {
    }

    private record JsonTask(int task, boolean bonus, String module, String file, String status, String problem,
                            CompileError compileError, int testsPassed, int testsTotal, double points, int maxPoints,
                            boolean coreFailed, double seconds, List<JsonTest> tests) {
    }

    private record JsonTest(String name, String status, String message, boolean core) {
    }

    /** Returns the console table of a folder of submissions: one row per submission, its points per task and in all. */
    static String summaryText(List<Report> reports) {
        int width = Math.max(10, reports.stream().mapToInt(r -> r.name().length()).max().orElse(0));
        var format = "%-" + width + "s" + " %8s".repeat(Task.all().size()) + (hasBonus() ? " %20s" : " %8s") + "  %s%n";
        var header = new ArrayList<Object>(List.of("Submission"));
        Task.all().forEach(t -> header.add("Task " + t.number()));
        header.add("Total");
        header.add("Standing");
        var out = new StringBuilder(String.format(Locale.ROOT, format, header.toArray()));
        for (var report : reports) {
            var row = new ArrayList<Object>(List.of(report.name()));
            report.tasks().forEach(t -> row.add(Task.formatPoints(t.points())));
            row.add(total(report));
            row.add(standing(report));
            out.append(String.format(Locale.ROOT, format, row.toArray()));
        }
        return out.toString();
    }

    /** Returns {@code grade-summary.md}. */
    static String summaryMarkdown(List<Report> reports) {
        var md = new StringBuilder("# Grades\n\n| Submission |");
        Task.all().forEach(t -> md.append(" Task ").append(t.number()).append(" (").append(t.points()).append(") |"));
        md.append(" Total (").append(Task.all().stream().filter(t -> t.part() == Task.Part.COURSE).mapToInt(Task::points).sum())
                .append(") |").append(hasBonus() ? " Bonus |" : "").append(" Standing |\n|---|");
        md.append("--:|".repeat(Task.all().size() + (hasBonus() ? 2 : 1))).append("---|\n");
        for (var report : reports) {
            md.append("| [").append(escape(report.name())).append("](").append(link(report.name()))
                    .append("/grade-report.md) |");
            report.tasks().forEach(t -> md.append(' ').append(Task.formatPoints(t.points())).append(" |"));
            md.append(' ').append(Task.formatPoints(report.points())).append(" |");
            md.append(hasBonus() ? " " + Task.formatPoints(report.bonusPoints()) + " |" : "")
                    .append(' ').append(escape(standing(report))).append(" |\n");
        }
        return md.toString();
    }

    /** Returns {@code grade-summary.csv}: a header, then one row per submission with its points per task and in all. */
    static String summaryCsv(List<Report> reports) {
        var csv = new StringBuilder("submission,");
        csv.append(Task.all().stream().map(t -> "task" + t.number()).collect(Collectors.joining(","))).append(",total")
                .append(hasBonus() ? ",bonus" : "").append(",standing\n");
        for (var report : reports) {
            csv.append(csvField(report.name())).append(',');
            csv.append(report.tasks().stream().map(t -> Task.formatPoints(t.points())).collect(Collectors.joining(",")));
            csv.append(',').append(Task.formatPoints(report.points()));
            csv.append(hasBonus() ? "," + Task.formatPoints(report.bonusPoints()) : "")
                    .append(',').append(csvField(standing(report))).append('\n');
        }
        return csv.toString();
    }

    /** Returns the total as every report shows it: {@code 27/27}, or {@code 27/27, bonus 5/10} when there are bonus tasks. */
    static String total(Report report) {
        var course = Task.formatPoints(report.points()) + "/" + report.maxPoints();
        return report.bonusMaxPoints() == 0 ? course
                : course + ", bonus " + Task.formatPoints(report.bonusPoints()) + "/" + report.bonusMaxPoints();
    }

    /** Returns where a submission stands, as the summaries show it: {@code attempted}, {@code not graded: why}, ... */
    static String standing(Report report) {
        return report.standing() == Report.Standing.NOT_GRADED ? "not graded: " + report.problem() : report.standing().label();
    }

    private static boolean hasBonus() {
        return Task.all().stream().anyMatch(t -> t.part() == Task.Part.BONUS);
    }

    private static String testsCell(TaskReport task) {
        return task.status() == TaskReport.Status.GRADED ? task.passed() + "/" + task.total() : "-";
    }

    private static String pointsCell(TaskReport task) {
        return Task.formatPoints(task.points()) + "/" + task.task().points()
                + (task.task().part() == Task.Part.BONUS ? " bonus" : "");
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Escapes what Markdown would read as markup in a line of text or a table cell. */
    static String escape(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]<>|#])", "\\\\$1");
    }

    private static String link(String name) {
        return name.replace(" ", "%20").replace("(", "%28").replace(")", "%29");
    }

    private static String csvField(String text) {
        return text.matches("[^,\"\\r\\n]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
