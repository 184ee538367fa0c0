package workbook.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * Renders grades: the console table, {@code grade-report.md}, {@code grade-report.json}, and the
 * summary of a folder of submissions (Markdown and CSV). The JSON schema is described in the
 * README's section for instructors; its {@code schemaVersion} changes when a field changes meaning.
 */
final class Reports {

    /** The version of the JSON schema written by {@link #json(Report)}. */
    static final int SCHEMA_VERSION = 1;

    private Reports() {
    }

    /** Returns the console table of a grade: one row per task, then one line per failed test or problem. */
    static String text(Report report) {
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s: %s points (%s)%n%n", report.name(), total(report), report.submission()));
        out.append(String.format(Locale.ROOT, "%-6s %-19s %12s %8s%n", "Task", "Module", "Tests passed", "Points"));
        for (var task : report.tasks()) {
            out.append(String.format(Locale.ROOT, "%-6s %-19s %12s %8s%n", "Task " + task.task().number(),
                    task.task().module(), testsCell(task), pointsCell(task)));
            if (task.status() != TaskReport.Status.GRADED) {
                out.append("         ").append(task.problem()).append(System.lineSeparator());
            }
            for (var failure : task.failures()) {
                out.append("         failed: ").append(failure.displayName()).append(": ")
                        .append(failure.firstLine()).append(System.lineSeparator());
            }
        }
        out.append(String.format(Locale.ROOT, "%-6s %-19s %12s %8s%n", "Total", "", "", total(report)));
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
        var tasks = new StringJoiner(",\n", "[\n", "\n  ]");
        for (var task : report.tasks()) {
            var tests = new StringJoiner(",\n", "[\n", "\n  ]");
            for (var result : task.results()) {
                tests.add("    {\"name\": " + string(result.displayName())
                        + ", \"status\": " + string(result.status().name().toLowerCase(Locale.ROOT))
                        + ", \"message\": " + string(result.firstLine()) + "}");
            }
            var error = task.compileError();
            tasks.add("""
                    {
                      "task": %d,
                      "module": %s,
                      "file": %s,
                      "status": %s,
                      "problem": %s,
                      "compileError": %s,
                      "testsPassed": %d,
                      "testsTotal": %d,
                      "points": %s,
                      "maxPoints": %d,
                      "tests": %s
                    }""".formatted(task.task().number(), string(task.task().module()), string(task.task().studentFile()),
                    string(task.status().label()), task.problem().isEmpty() ? "null" : string(task.problem()),
                    error == null ? "null" : "{\"file\": %s, \"line\": %d, \"column\": %d, \"message\": %s}".formatted(
                            string(error.file()), error.line(), error.column(), string(error.message())),
                    task.passed(), task.total(), Score.format(task.points()), task.task().points(),
                    task.results().isEmpty() ? "[]" : tests.toString()).indent(4).stripTrailing());
        }
        return """
                {
                  "schemaVersion": %d,
                  "submission": %s,
                  "name": %s,
                  "gradedAt": %s,
                  "points": %s,
                  "maxPoints": %d,
                  "tasks": %s
                }
                """.formatted(SCHEMA_VERSION, string(report.submission().toString()), string(report.name()),
                string(report.gradedAt().toString()), Score.format(report.points()), report.maxPoints(), tasks);
    }

    /** Returns the console table of a folder of submissions: one row per submission, its points per task and in all. */
    static String summaryText(List<Report> reports) {
        int width = Math.max(10, reports.stream().mapToInt(r -> r.name().length()).max().orElse(0));
        var format = "%-" + width + "s" + " %8s".repeat(Points.TASKS.size()) + " %8s%n";
        var header = new ArrayList<Object>(List.of("Submission"));
        Points.TASKS.forEach(t -> header.add("Task " + t.number()));
        header.add("Total");
        var out = new StringBuilder(String.format(Locale.ROOT, format, header.toArray()));
        for (var report : reports) {
            var row = new ArrayList<Object>(List.of(report.name()));
            report.tasks().forEach(t -> row.add(Score.format(t.points())));
            row.add(total(report));
            out.append(String.format(Locale.ROOT, format, row.toArray()));
        }
        return out.toString();
    }

    /** Returns {@code grade-summary.md}. */
    static String summaryMarkdown(List<Report> reports) {
        var md = new StringBuilder("# Grades\n\n| Submission |");
        Points.TASKS.forEach(t -> md.append(" Task ").append(t.number()).append(" (").append(t.points()).append(") |"));
        md.append(" Total (").append(Points.TASKS.stream().mapToInt(Points::points).sum()).append(") |\n|---|");
        md.append("--:|".repeat(Points.TASKS.size() + 1)).append('\n');
        for (var report : reports) {
            md.append("| [").append(escape(report.name())).append("](").append(link(report.name()))
                    .append("/grade-report.md) |");
            report.tasks().forEach(t -> md.append(' ').append(Score.format(t.points())).append(" |"));
            md.append(' ').append(Score.format(report.points())).append(" |\n");
        }
        return md.toString();
    }

    /** Returns {@code grade-summary.csv}: a header, then one row per submission with its points per task and in all. */
    static String summaryCsv(List<Report> reports) {
        var csv = new StringBuilder("submission,");
        csv.append(Points.TASKS.stream().map(t -> "task" + t.number()).collect(Collectors.joining(","))).append(",total\n");
        for (var report : reports) {
            csv.append(csvField(report.name())).append(',');
            csv.append(report.tasks().stream().map(t -> Score.format(t.points())).collect(Collectors.joining(",")));
            csv.append(',').append(Score.format(report.points())).append('\n');
        }
        return csv.toString();
    }

    private static String total(Report report) {
        return Score.format(report.points()) + "/" + report.maxPoints();
    }

    private static String testsCell(TaskReport task) {
        return task.status() == TaskReport.Status.GRADED ? task.passed() + "/" + task.total() : "-";
    }

    private static String pointsCell(TaskReport task) {
        return Score.format(task.points()) + "/" + task.task().points();
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

    /** Returns {@code text} as a JSON string literal. */
    static String string(String text) {
        var json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> json.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return json.append('"').toString();
    }

    private static String csvField(String text) {
        return text.matches("[^,\"\\r\\n]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
