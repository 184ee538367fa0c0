package workbook.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import net.sourceforge.pmd.cpd.CPDConfiguration;
import net.sourceforge.pmd.cpd.CPDReport;
import net.sourceforge.pmd.cpd.CpdAnalysis;
import net.sourceforge.pmd.cpd.Mark;
import net.sourceforge.pmd.lang.document.FileId;
import net.sourceforge.pmd.lang.java.JavaLanguageModule;
import workbook.testkit.Task;

/**
 * Finds the pairs of submissions whose student files are suspiciously alike, with PMD's
 * copy-paste detector (CPD).
 *
 * <p>Task by task, CPD reads the file of every submission that changed it, beside the task's
 * untouched skeleton, ignoring identifiers, literals and comments: renaming variables or
 * rewording comments does not hide a copy. A run of at least {@value #TILE} tokens found in two
 * submissions counts for both, unless it is the skeleton's (the given code never counts). The
 * similarity of two submissions is the share of their own tokens (all but the skeleton's) that
 * are in runs found in both, over the tasks both changed; a pair is flagged at
 * {@value #THRESHOLD} or more, with at least {@value #MIN_SHARED} tokens in common. The figures
 * behind these values are in INSTRUCTORS.md.
 */
final class Similarity {

    /** The fewest tokens a run needs to count: shorter runs are idioms every solution shares. */
    static final int TILE = 20;
    /** The similarity from which a pair is flagged. */
    static final double THRESHOLD = 0.5;
    /** The fewest tokens in common for a flag: a few lines alike is no evidence. */
    static final int MIN_SHARED = 100;

    /**
     * Two submissions and how alike they are.
     *
     * @param a          the first submission's name, in name order
     * @param b          the second one's
     * @param similarity the share of their own tokens in common, 0 to 1
     * @param shared     their own tokens in common (both sides)
     * @param own        their own tokens (both sides), over the tasks both changed
     * @param fragments  the runs found in both, longest first
     */
    record Pair(String a, String b, double similarity, int shared, int own, List<Fragment> fragments) {

        /** Returns whether the pair is flagged. */
        boolean flagged() {
            return similarity >= THRESHOLD && shared >= MIN_SHARED;
        }
    }

    /**
     * One run of tokens found in two submissions' files of a task.
     *
     * @param task   the task
     * @param tokens how many tokens the run has
     * @param linesA the lines of the first submission's file, e.g. {@code 12-30}
     * @param textA  the first submission's lines
     * @param linesB the lines of the second submission's file
     * @param textB  the second submission's lines
     */
    record Fragment(int task, int tokens, String linesA, String textA, String linesB, String textB) {
    }

    private Similarity() {
    }

    /**
     * Returns every pair of graded submissions with a run of tokens in common, most alike first.
     *
     * @param workbook the workbook's root, whose untouched skeletons are the given code
     */
    static List<Pair> pairs(Path workbook, List<Report> reports) throws GradingException {
        var found = new Found();
        for (var task : Task.all()) {
            var files = new HashMap<FileId, String>();
            for (var report : reports) {
                var status = report.tasks().get(task.number()).status();
                if (report.problem() == null && status != TaskReport.Status.MISSING && status != TaskReport.Status.UNTOUCHED) {
                    files.put(FileId.fromPath(report.submission().resolve(task.studentFile())), report.name());
                }
            }
            if (files.size() > 1) {
                compare(task, skeleton(workbook, task), files, found);
            }
        }
        return found.shared.keySet().stream()
                .map(pair -> found.pair(pair.get(0), pair.get(1)))
                .sorted(Comparator.comparingDouble(Pair::similarity).reversed().thenComparing(Pair::a).thenComparing(Pair::b))
                .toList();
    }

    /** What CPD found so far: each submission's own tokens per task, and what pairs share. */
    private static final class Found {
        final Map<String, Map<Integer, Integer>> own = new HashMap<>();
        final Map<List<String>, Integer> shared = new HashMap<>();
        final Map<List<String>, List<Fragment>> fragments = new HashMap<>();
        /** A pair's own tokens in a task where CPD compared the two: both sides, from that run. */
        final Map<List<String>, Map<Integer, Integer>> pairOwn = new HashMap<>();

        Pair pair(String a, String b) {
            var ownA = own.getOrDefault(a, Map.of());
            var ownB = own.getOrDefault(b, Map.of());
            var compared = pairOwn.getOrDefault(List.of(a, b), Map.of());
            int both = ownA.keySet().stream().filter(ownB::containsKey)
                    .mapToInt(t -> compared.getOrDefault(t, ownA.get(t) + ownB.get(t))).sum();
            int common = shared.get(List.of(a, b));
            var sorted = fragments.getOrDefault(List.of(a, b), List.of()).stream().sorted(Comparator.comparingInt(Fragment::tokens).reversed()).toList();
            return new Pair(a, b, both == 0 ? 0 : Math.min(1, (double) common / both), common, both, sorted);
        }
    }

    /**
     * Compares one task's files and adds to {@code found} each submission's own tokens and what
     * each pair shares. CPD runs once over all the files to find the pairs with any run in
     * common, then once per such pair (the two files and the skeleton): in a run over many files,
     * a stretch two files share is reported in pieces when a third shares part of it.
     */
    private static void compare(Task task, String skeleton, Map<FileId, String> files, Found found) throws GradingException {
        var candidates = new LinkedHashSet<List<FileId>>();
        var all = cpd(task, skeleton, files.keySet());
        for (var match : all.report().getMatches()) {
            var marks = match.getMarkSet().stream().map(mark -> mark.getLocation().getFileId()).filter(files::containsKey)
                    .distinct().sorted(Comparator.comparing(files::get)).toList();
            for (int i = 0; i < marks.size(); i++) {
                for (int j = i + 1; j < marks.size(); j++) {
                    if (!files.get(marks.get(i)).equals(files.get(marks.get(j)))) {
                        candidates.add(List.of(marks.get(i), marks.get(j)));
                    }
                }
            }
        }
        for (var file : files.keySet()) {
            var alone = cpd(task, skeleton, List.of(file));
            found.own.computeIfAbsent(files.get(file), n -> new HashMap<>()).put(task.number(),
                    alone.report().getNumberOfTokensPerFile().getOrDefault(file, 0) - alone.given().cardinality());
        }
        for (var candidate : candidates) {
            var a = candidate.get(0);
            var b = candidate.get(1);
            var pair = List.of(files.get(a), files.get(b));
            var run = cpd(task, skeleton, candidate);
            var common = new BitSet();
            for (var match : run.report().getMatches()) {
                var markA = match.getMarkSet().stream().filter(m -> m.getLocation().getFileId().equals(a)).findFirst();
                var markB = match.getMarkSet().stream().filter(m -> m.getLocation().getFileId().equals(b)).findFirst();
                if (markA.isEmpty() || markB.isEmpty()) {
                    continue;
                }
                for (var mark : List.of(markA.get(), markB.get())) {
                    common.set(mark.getBeginTokenIndex(), mark.getEndTokenIndex() + 1);
                }
                found.fragments.computeIfAbsent(pair, p -> new ArrayList<>()).add(new Fragment(task.number(),
                        markA.get().getEndTokenIndex() - markA.get().getBeginTokenIndex() + 1,
                        lines(markA.get()), run.report().getSourceCodeSlice(markA.get()).toString(),
                        lines(markB.get()), run.report().getSourceCodeSlice(markB.get()).toString()));
            }
            // Token indexes are global over the run's files: the given tokens come off either side.
            common.andNot(run.given());
            found.shared.merge(pair, common.cardinality(), Integer::sum);
            // Both sides counted in the same run as what they share, so that the share is at most 1.
            var tokens = run.report().getNumberOfTokensPerFile();
            found.pairOwn.computeIfAbsent(pair, p -> new HashMap<>()).put(task.number(),
                    tokens.getOrDefault(a, 0) + tokens.getOrDefault(b, 0) - run.given().cardinality());
        }
    }

    /** One CPD run: its report, and the tokens of the files that are the skeleton's (given code). */
    private record Run(CPDReport report, BitSet given) {
    }

    /** Returns the text of the task's untouched skeleton, which every CPD run of the task compares against. */
    private static String skeleton(Path workbook, Task task) throws GradingException {
        try {
            return Files.readString(workbook.resolve(task.studentFile()));
        } catch (IOException e) {
            throw new GradingException("could not read the skeleton of Task " + task.number() + ": " + e);
        }
    }

    /** Runs CPD over {@code files} and the task's skeleton, given as its text. */
    private static Run cpd(Task task, String skeleton, Collection<FileId> files) throws GradingException {
        var config = new CPDConfiguration();
        config.setOnlyRecognizeLanguage(JavaLanguageModule.getInstance());
        config.setMinimumTileSize(TILE);
        config.setIgnoreIdentifiers(true);
        config.setIgnoreLiterals(true);
        config.setIgnoreAnnotations(true);
        config.setSkipLexicalErrors(true);
        config.setSourceEncoding(StandardCharsets.UTF_8);
        // CPD reads its files in path order and drops a longer match that starts on the same
        // tokens as a shorter one it found first: named to sort after every real path, the
        // skeleton comes last, so what it shares with two files never hides what they share.
        var given = FileId.fromAbsolutePath("~given/" + task.studentFile(), null);
        try (var cpd = CpdAnalysis.create(config)) {
            cpd.files().addSourceFile(given, skeleton);
            files.forEach(file -> cpd.files().addFile(Path.of(file.getAbsolutePath())));
            var reports = new ArrayList<CPDReport>();
            cpd.performAnalysis(reports::add);
            var report = reports.getFirst();
            var givenTokens = new BitSet();
            for (var match : report.getMatches()) {
                if (match.getMarkSet().stream().anyMatch(mark -> mark.getLocation().getFileId().equals(given))) {
                    match.getMarkSet().stream().filter(mark -> !mark.getLocation().getFileId().equals(given))
                            .forEach(mark -> givenTokens.set(mark.getBeginTokenIndex(), mark.getEndTokenIndex() + 1));
                }
            }
            return new Run(report, givenTokens);
        } catch (IOException | RuntimeException e) {
            throw new GradingException("could not compare the files of Task " + task.number() + " for similarity: " + e);
        }
    }

    private static String lines(Mark mark) {
        var location = mark.getLocation();
        return location.getStartLine() == location.getEndLine() ? "line " + location.getStartLine()
                : "lines " + location.getStartLine() + "-" + location.getEndLine();
    }
}
