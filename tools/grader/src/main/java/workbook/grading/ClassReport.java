package workbook.grading;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mustachejava.DefaultMustacheFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import workbook.testkit.Task;

/**
 * Renders {@code grade-class.html}: one self-contained page (no script, no network) on a folder of
 * graded submissions, for the instructor.
 *
 * <p>It shows where the submissions stand, the score distribution of each task as a chart, the
 * requirements failed most often with the entries of the mistakes catalog that fail them and the
 * submissions that failed them, the pairs of submissions flagged as alike by {@link Similarity},
 * with their common code side by side, and a row per submission linking to its own report. The
 * catalog is read from the workbook's {@code solutions/mistakes/} when it is there (the
 * instructors' workbook), so the page keeps its explanations when the folder is moved.
 */
final class ClassReport {

    /** How many of the requirements failed most often the page lists. */
    static final int REQUIREMENTS = 15;
    /** How many runs of common code the page shows per flagged pair. */
    static final int FRAGMENTS = 6;
    /** How many lines of a run of common code the page shows. */
    static final int LINES = 30;
    /** The legend of each segment of a task's bar. */
    private static final Map<String, String> LABELS = Map.of("done", "with all points", "partial", "with some points",
            "zero", "attempted, 0 points", "absent", "not attempted");

    private ClassReport() {
    }

    /** Returns the page for {@code reports}, the submissions of {@code folder}, and the pairs compared. */
    static String html(Path workbook, Path folder, List<Report> reports, List<Similarity.Pair> pairs) throws GradingException {
        var catalog = Catalog.read(workbook);
        var model = new LinkedHashMap<String, Object>();
        model.put("folder", String.valueOf(folder.getFileName()));
        model.put("count", reports.size());
        model.put("gradedAt", reports.stream().map(Report::gradedAt).max(Comparator.naturalOrder()).map(Object::toString).orElse(""));
        var standings = new EnumMap<Report.Standing, Integer>(Report.Standing.class);
        reports.forEach(r -> standings.merge(r.standing(), 1, Integer::sum));
        model.put("standings", standings.entrySet().stream().map(e -> Map.of("count", e.getValue(), "label", e.getKey().label())).toList());
        var tasks = tasks(reports);
        model.put("tasks", tasks);
        model.put("chartHeight", 46 * tasks.size() + 4);
        var requirements = requirements(reports, catalog);
        model.put("requirements", requirements);
        model.put("hasRequirements", !requirements.isEmpty());
        var flagged = pairs.stream().filter(Similarity.Pair::flagged).toList();
        model.put("pairs", flagged.stream().map(ClassReport::pair).toList());
        model.put("closest", pairs.stream().filter(p -> !p.flagged()).findFirst().map(ClassReport::pair).orElse(null));
        model.put("pairsCompared", reports.size() * (reports.size() - 1) / 2);
        model.put("threshold", percent(Similarity.THRESHOLD));
        model.put("tile", Similarity.TILE);
        model.put("minShared", Similarity.MIN_SHARED);
        model.put("rows", reports.stream().map(ClassReport::row).toList());
        var named = requirements.stream().flatMap(r -> ((List<?>) r.get("mistakes")).stream()).map(Catalog.Entry.class::cast)
                .distinct().sorted(Comparator.comparingInt(Catalog.Entry::task).thenComparing(Catalog.Entry::name)).toList();
        model.put("catalog", named.stream().map(e -> Map.of("id", e.id(), "anchor", e.anchor(), "mistake", e.mistake(),
                "patch", catalog.patch(workbook, e))).toList());
        model.put("hasCatalog", !named.isEmpty());
        var template = new DefaultMustacheFactory("workbook").compile("grade-class.html.mustache");
        var out = new StringWriter();
        template.execute(out, model);
        return out.toString();
    }

    /** Returns each task's chart row: how many submissions earned all, some, none of its points, or did not attempt it. */
    private static List<Map<String, Object>> tasks(List<Report> reports) {
        var rows = new ArrayList<Map<String, Object>>();
        for (var task : Task.all()) {
            var counts = new LinkedHashMap<String, Integer>();
            List.of("done", "partial", "zero", "absent").forEach(kind -> counts.put(kind, 0));
            double sum = 0;
            for (var report : reports) {
                var t = report.tasks().get(task.number());
                var kind = t.status() == TaskReport.Status.MISSING || t.status() == TaskReport.Status.UNTOUCHED ? "absent"
                        : t.points() >= task.points() ? "done" : t.points() > 0 ? "partial" : "zero";
                counts.merge(kind, 1, Integer::sum);
                sum += t.points();
            }
            int y = 46 * rows.size();
            var segments = new ArrayList<Map<String, Object>>();
            double x = 0;
            for (var entry : counts.entrySet()) {
                double width = reports.isEmpty() ? 0 : 700.0 * entry.getValue() / reports.size();
                if (width > 0) {
                    segments.add(Map.of("kind", entry.getKey(), "x", fmt(x), "y", y + 20, "width", fmt(width),
                            "count", entry.getValue(), "label", LABELS.get(entry.getKey())));
                }
                x += width;
            }
            rows.add(Map.of("number", task.number(), "title", task.title(), "points", task.points(), "textY", y + 14,
                    "segments", segments, "meanX", 720, "mean", Task.formatPoints(reports.isEmpty() ? 0 : sum / reports.size())));
        }
        return rows;
    }

    /** Returns the requirements failed by the most submissions, most first. */
    private static List<Map<String, Object>> requirements(List<Report> reports, Catalog catalog) {
        record Key(int task, String name) {
        }
        var failedBy = new LinkedHashMap<Key, List<Report>>();
        var examples = new LinkedHashMap<Key, String>();
        var graded = new int[Task.all().size()];
        for (var report : reports) {
            for (var task : report.tasks()) {
                if (task.status() != TaskReport.Status.GRADED && task.status() != TaskReport.Status.LEFT_THREADS) {
                    continue;
                }
                graded[task.task().number()]++;
                for (var failure : task.failures()) {
                    var key = new Key(task.task().number(), failure.displayName());
                    failedBy.computeIfAbsent(key, k -> new ArrayList<>()).add(report);
                    examples.putIfAbsent(key, failure.firstLine());
                }
            }
        }
        return failedBy.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<Key, List<Report>> e) -> e.getValue().size()).reversed()
                        .thenComparingInt(e -> e.getKey().task()))
                .limit(REQUIREMENTS)
                .map(e -> Map.<String, Object>of("task", e.getKey().task(), "name", e.getKey().name(),
                        "example", examples.get(e.getKey()), "failed", e.getValue().size(), "graded", graded[e.getKey().task()],
                        "mistakes", catalog.failing(e.getKey().task(), e.getKey().name()),
                        "submissions", e.getValue().stream().map(r -> Map.of("name", r.name(), "link", link(r, "grade-report.md"))).toList()))
                .toList();
    }

    private static Map<String, Object> pair(Similarity.Pair pair) {
        var fragments = pair.fragments().stream().limit(FRAGMENTS).map(f -> new Similarity.Fragment(f.task(), f.tokens(),
                f.linesA(), shorten(f.textA()), f.linesB(), shorten(f.textB()))).toList();
        return Map.of("a", pair.a(), "b", pair.b(), "percent", percent(pair.similarity()), "shared", pair.shared(),
                "own", pair.own(), "fragments", fragments);
    }

    /** Returns the first {@value #LINES} lines of a fragment, and how many more there are. */
    private static String shorten(String code) {
        var lines = code.lines().toList();
        return lines.size() <= LINES ? code
                : String.join("\n", lines.subList(0, LINES)) + "\n... (%d more lines)".formatted(lines.size() - LINES);
    }

    private static Map<String, Object> row(Report report) {
        var total = Reports.total(report);
        return Map.of("name", report.name(), "link", link(report, "grade-report.md"), "log", link(report, "grade-log.txt"),
                "standing", Reports.standing(report),
                "points", report.tasks().stream().map(t -> Task.formatPoints(t.points())).toList(), "total", total);
    }

    /** Returns the link, relative to the folder, to a file in the submission's folder. */
    private static String link(Report report, String file) {
        return URLEncoder.encode(report.name(), StandardCharsets.UTF_8).replace("+", "%20") + "/" + file;
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** The workbook's catalog of common mistakes, or an empty one (the student edition has none). */
    record Catalog(List<Entry> mistakes) {

        /** One mistake: its task, name, what is wrong, and the graded tests whose failures name it. */
        record Entry(int task, String name, String mistake, List<String> caughtBy) {

            String id() {
                return task + "/" + name;
            }

            String anchor() {
                return "mistake-" + task + "-" + name;
            }
        }

        static Catalog read(Path workbook) throws GradingException {
            var file = workbook.resolve("solutions/mistakes/mistakes.json");
            if (!Files.isRegularFile(file)) {
                return new Catalog(List.of());
            }
            try {
                return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                        .readValue(file.toFile(), Catalog.class);
            } catch (IOException e) {
                throw new GradingException("could not read " + file + ": " + e.getMessage());
            }
        }

        /** Returns the entries of Task {@code task} whose failures include the requirement {@code test}. */
        List<Entry> failing(int task, String test) {
            return mistakes.stream().filter(m -> m.task() == task && m.caughtBy().contains(test)).toList();
        }

        /** Returns the patch of an entry, or a sentence saying it is missing. */
        String patch(Path workbook, Entry entry) {
            var file = workbook.resolve("solutions/mistakes").resolve(Task.number(entry.task()).module()).resolve(entry.name() + ".patch");
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(no patch at " + file + ")";
            }
        }
    }
}
