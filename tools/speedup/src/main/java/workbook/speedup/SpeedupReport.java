///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES SpeedupChart.java ../../../../../../../solutions/task1-concurrent/src/main/java/workbook/task1/ConcurrentCoroutines.java ../../../../../../../solutions/task0-basic/src/main/java/workbook/task0/BasicAsyncSyntax.java
package workbook.speedup;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import workbook.task0.BasicAsyncSyntax;
import workbook.task1.ConcurrentCoroutines;

/**
 * Shows what concurrency saves and how far it scales: times {@code waitN(n, 1)} for growing
 * {@code n}, beside the same job on Python's asyncio, and writes a table and a chart.
 *
 * <p>Not a graded task: a tool for maintainers, built from the reference solutions of Tasks 0
 * and 1. See task2-runtime/README.md, section "The speed-up and the scale", for what each figure
 * means and how it is taken. From the workbook's root folder:
 * <pre>
 * ./mvnw -q compile exec:exec -Drun=speedup [-Dspeedup.n=1,10,100] [-Dspeedup.runs=3]
 * jbang tools/speedup/src/main/java/workbook/speedup/SpeedupReport.java [options]
 * </pre>
 */
public final class SpeedupReport {

    private static final String USAGE = """
            Usage: SpeedupReport [--n=1,10,...] [--runs=K] [--out=DIR] [--python=SCRIPT | --no-python]
              --n=LIST        the n values of waitN(n, 1), comma-separated (default 1,10,...,1000000)
              --runs=K        runs of each n; the table shows the median and the range (default 1)
              --out=DIR       where speedup.md, speedup.tsv and speedup.svg go (default target/speedup)
              --python=FILE   the asyncio side (default tools/speedup/python/wait_n_benchmark.py)
              --no-python     Java only""";

    private static final int MAX_DELAY = 1;

    /** The exit status of a measuring JVM that found waitN not written yet. */
    private static final int NOT_WRITTEN = 3;

    private SpeedupReport() {
    }

    /** The command line, parsed. {@code python} is null for Java only. */
    record Options(List<Integer> ns, int runs, Path out, Path python) {

        static Options parse(String... args) {
            var ns = List.of(1, 10, 100, 1_000, 10_000, 100_000, 1_000_000);
            int runs = 1;
            var out = Path.of("target", "speedup");
            var python = Path.of("tools", "speedup", "python", "wait_n_benchmark.py");
            for (var arg : args) {
                var value = arg.substring(arg.indexOf('=') + 1);
                if (arg.startsWith("--n=")) {
                    ns = Arrays.stream(value.split(",")).map(s -> Integer.parseInt(s.strip().replace("_", "")))
                            .sorted().distinct().toList();
                } else if (arg.startsWith("--runs=")) {
                    runs = Integer.parseInt(value);
                } else if (arg.startsWith("--out=")) {
                    out = Path.of(value);
                } else if (arg.startsWith("--python=")) {
                    python = Path.of(value);
                } else if (arg.equals("--no-python")) {
                    python = null;
                } else {
                    throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (ns.isEmpty() || ns.getFirst() < 1 || runs < 1) {
                throw new IllegalArgumentException("every n and --runs must be at least 1");
            }
            return new Options(ns, runs, out, python);
        }
    }

    /**
     * One run of {@code waitN(n, 1)}: its wall-clock time, the largest and the total of its delays
     * (in seconds) and the most heap in use during it (bytes; -1 where not measured).
     */
    record Run(double wall, double maxDelay, double sumDelays, long peakHeap) {

        /** What the run cost beyond its longest wait, in seconds. */
        double overhead() {
            return wall - maxDelay;
        }
    }

    /** How late the waits of one run completed after their delays, in milliseconds. */
    record Lateness(double median, double p99) {
    }

    /** Every figure measured for one {@code n}. */
    record Row(int n, List<Run> java, List<Lateness> lateness, List<Run> python) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 2 && args[0].startsWith("--measure=")) {
            measure(args[0].substring("--measure=".length()), Integer.parseInt(args[1]));
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        var java = new ArrayList<Row>();
        for (int n : options.ns()) {
            var runs = new ArrayList<Run>();
            var lateness = new ArrayList<Lateness>();
            for (int i = 0; i < options.runs(); i++) {
                var wall = inFreshJvm("wall", n);
                runs.add(new Run(wall[0], wall[1], wall[2], (long) wall[3]));
                var late = inFreshJvm("lateness", n);
                lateness.add(new Lateness(late[0], late[1]));
                System.err.printf(Locale.ROOT, "waitN(%d, 1): %.3f s wall, %.0f MiB heap; lateness median %.2f ms, p99 %.2f ms%n",
                        n, wall[0], wall[3] / (1 << 20), late[0], late[1]);
            }
            java.add(new Row(n, runs, lateness, List.of()));
        }
        var notes = new ArrayList<String>();
        var python = runPython(options, notes);
        var rows = java.stream()
                .map(row -> new Row(row.n(), row.java(), row.lateness(), python.getOrDefault(row.n(), List.of())))
                .toList();

        var table = table(rows);
        var targets = targets(rows);
        System.out.println(table);
        notes.forEach(System.out::println);
        System.out.println();
        targets.forEach(System.out::println);

        Files.createDirectories(options.out());
        Files.writeString(options.out().resolve("speedup.md"), markdown(table, notes, targets));
        Files.writeString(options.out().resolve("speedup.tsv"), tsv(rows));
        Files.writeString(options.out().resolve("speedup.svg"), SpeedupChart.svg(rows));
        System.out.println("\nWrote speedup.md, speedup.tsv and speedup.svg to " + options.out().toAbsolutePath());
    }

    // ---------------------------------------------------------------- measuring Java

    /**
     * Runs one measurement ({@code wall} or {@code lateness} of {@code n} waits) in a new JVM, with
     * this JVM's options, and returns the figures it printed.
     *
     * <p>A JVM of its own for each measurement is what a student's program gets: no garbage and no
     * heap sizing left over from an earlier run, and no warm-up either.
     */
    private static double[] inFreshJvm(String measurement, int n) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> !option.startsWith("-agentlib:jdwp")) // a debugger port can be taken once only
                .forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SpeedupReport.class.getName(),
                "--measure=" + measurement, String.valueOf(n)));
        var process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        var out = new String(process.getInputStream().readAllBytes()).strip();
        int status = process.waitFor();
        if (status == NOT_WRITTEN) {
            System.err.println("The report measures the reference solutions of Tasks 0 and 1, but solutions/ holds"
                    + " unfinished ones: run it in the instructors' workbook");
            System.exit(1);
        } else if (status != 0) {
            throw new IllegalStateException("measuring " + measurement + " of waitN(" + n + ", 1) failed with exit status " + status);
        }
        return Arrays.stream(out.split("\t")).mapToDouble(Double::parseDouble).toArray();
    }

    /** In the JVM {@link #inFreshJvm} started: takes one measurement and prints its figures, tab-separated. */
    private static void measure(String measurement, int n) {
        try {
            if (measurement.equals("wall")) {
                var run = timeWaitN(n);
                System.out.printf(Locale.ROOT, "%.9f\t%.9f\t%.6f\t%d%n", run.wall(), run.maxDelay(), run.sumDelays(), run.peakHeap());
            } else {
                var late = lateness(n);
                System.out.printf(Locale.ROOT, "%.6f\t%.6f%n", late.median(), late.p99());
            }
        } catch (UnsupportedOperationException e) {
            System.err.println(e.getMessage());
            System.exit(NOT_WRITTEN);
        }
    }

    /** Times one {@code waitN(n, 1)}, from the call to the completion of its result. */
    static Run timeWaitN(int n) {
        try (var heap = new HeapPeak()) {
            long start = System.nanoTime();
            var delays = ConcurrentCoroutines.waitN(n, MAX_DELAY).join();
            double wall = (System.nanoTime() - start) / 1e9;
            var stats = delays.stream().mapToDouble(Double::doubleValue).summaryStatistics();
            return new Run(wall, stats.getMax(), stats.getSum(), heap.peak());
        }
    }

    /**
     * Starts the {@code n} waits of {@code waitN(n, 1)} the way {@code waitN} does, but stamps each
     * with the time it was started and the time it completed, and returns how late the completions
     * came after their delays.
     *
     * <p>{@code waitN} hides its futures, so this run rebuilds it from the same parts:
     * {@code waitRandom} and {@code inCompletionOrder}, with one timestamping stage between them.
     */
    static Lateness lateness(int n) {
        var started = new long[n];
        var completed = new long[n];
        var waits = new ArrayList<CompletableFuture<Double>>(n);
        for (int i = 0; i < n; i++) {
            int slot = i;
            started[i] = System.nanoTime();
            waits.add(BasicAsyncSyntax.waitRandom(MAX_DELAY).whenComplete((delay, failure) -> completed[slot] = System.nanoTime()));
        }
        // The stamps are written before the stages that inCompletionOrder waits for complete, so
        // they are all there (and visible to this thread) once its result is.
        ConcurrentCoroutines.inCompletionOrder(waits).join();
        var late = new double[n];
        for (int i = 0; i < n; i++) {
            late[i] = (completed[i] - started[i]) / 1e6 - waits.get(i).join() * 1e3;
        }
        Arrays.sort(late);
        return new Lateness(percentile(late, 50), percentile(late, 99));
    }

    /** The {@code p}-th percentile of {@code sorted} by the nearest-rank method. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /**
     * The most heap in use while it is open: heap use grows only between garbage collections, so its
     * peak is the heap in use right before one of them, or at the end.
     *
     * <p>Collections report to listeners shortly after they happen, on a JVM thread of their own;
     * {@link #peak()} waits (briefly) for every collection the JVM counted to have reported. The
     * heap in use at the end is read from {@link Runtime}, which counts the objects just allocated
     * (the memory pools' figures lag behind by up to a heap region between collections).
     */
    static final class HeapPeak implements NotificationListener, AutoCloseable {

        private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(pool -> pool.getName()).collect(Collectors.toUnmodifiableSet());

        private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        /** Per collector: how many collections it had done when this opened, then the last reported. */
        private final Map<String, Long> reported = new ConcurrentHashMap<>();
        private volatile long peak;

        HeapPeak() {
            for (var collector : collectors) {
                reported.put(collector.getName(), collector.getCollectionCount());
                ((NotificationEmitter) collector).addNotificationListener(this, null, null);
            }
        }

        @Override
        public synchronized void handleNotification(Notification notification, Object handback) {
            if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long before = reported.getOrDefault(info.getGcName(), Long.MAX_VALUE);
            if (info.getGcInfo().getId() > before) { // a collection during the run, not one from before it
                peak = Math.max(peak, heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()));
                reported.put(info.getGcName(), info.getGcInfo().getId());
            }
        }

        /** The most heap in use since this opened, in bytes. */
        long peak() {
            long now = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (collectors.stream().anyMatch(c -> reported.get(c.getName()) < c.getCollectionCount())
                    && System.nanoTime() < deadline) {
                sleep(10);
            }
            return Math.max(peak, now);
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static long heapUsed(Map<String, MemoryUsage> pools) {
            return pools.entrySet().stream().filter(pool -> HEAP_POOLS.contains(pool.getKey()))
                    .mapToLong(pool -> pool.getValue().getUsed()).sum();
        }

        @Override
        public void close() {
            for (var collector : collectors) {
                try {
                    ((NotificationEmitter) collector).removeNotificationListener(this);
                } catch (javax.management.ListenerNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    // ---------------------------------------------------------------- the asyncio side

    /**
     * Runs the asyncio script for the same n values and returns its runs by n, or nothing (with a
     * note saying why) when {@code python3} or the script is missing or fails.
     */
    private static Map<Integer, List<Run>> runPython(Options options, List<String> notes) throws InterruptedException {
        if (options.python() == null) {
            return Map.of();
        }
        if (!Files.isRegularFile(options.python())) {
            notes.add("The asyncio side is skipped: " + options.python() + " was not found (pass --python=FILE).");
            return Map.of();
        }
        var command = new ArrayList<>(List.of("python3", options.python().toString(), "--runs=" + options.runs(),
                "--max-delay=" + MAX_DELAY));
        options.ns().forEach(n -> command.add(n.toString()));
        System.err.println("asyncio: " + String.join(" ", command));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            notes.add("The asyncio side is skipped: python3 is not on the PATH.");
            return Map.of();
        }
        List<String> lines;
        try (var out = process.inputReader()) {
            lines = out.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (process.waitFor() != 0) {
            notes.add("The asyncio side is skipped: " + String.join(" ", command) + " exited with " + process.exitValue() + ".");
            return Map.of();
        }
        notes.add("asyncio: " + pythonVersion() + ", script " + options.python().getFileName() + ".");
        return lines.stream().skip(1).map(line -> line.split("\t")).collect(Collectors.groupingBy(
                fields -> Integer.parseInt(fields[0]), TreeMap::new, Collectors.mapping(
                        fields -> new Run(Double.parseDouble(fields[2]), Double.parseDouble(fields[3]),
                                Double.parseDouble(fields[4]), -1), Collectors.toList())));
    }

    private static String pythonVersion() {
        try {
            var process = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return new String(process.getInputStream().readAllBytes()).strip();
        } catch (IOException e) {
            return "python3";
        }
    }

    // ---------------------------------------------------------------- table, targets, files

    private static String table(List<Row> rows) {
        var out = new StringBuilder();
        out.append("| n | Java wall (s) | Java overhead (ms) | peak heap (MiB) | lateness median (ms) | lateness p99 (ms)"
                + " | asyncio wall (s) | asyncio overhead (ms) | sequential (s) |\n");
        out.append("|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (var row : rows) {
            out.append("| ").append(String.format(Locale.ROOT, "%,d", row.n()).replace(',', ' '))
                    .append(" | ").append(cell(row.java(), Run::wall, 1, "%.3f"))
                    .append(" | ").append(cell(row.java(), Run::overhead, 1e3, "%.1f"))
                    .append(" | ").append(cell(row.java(), Run::peakHeap, 1.0 / (1 << 20), "%.0f"))
                    .append(" | ").append(cell(row.lateness(), Lateness::median, 1, "%.2f"))
                    .append(" | ").append(cell(row.lateness(), Lateness::p99, 1, "%.2f"))
                    .append(" | ").append(cell(row.python(), Run::wall, 1, "%.3f"))
                    .append(" | ").append(cell(row.python(), Run::overhead, 1e3, "%.1f"))
                    .append(" | ").append(String.format(Locale.ROOT, sequential(row) < 100 ? "%.1f" : "%,.0f", sequential(row)).replace(',', ' '))
                    .append(" |\n");
        }
        return out.toString();
    }

    /** The median of a figure over the runs, and its range when there are several; "–" when none. */
    private static <T> String cell(List<T> runs, ToDoubleFunction<T> figure, double scale, String format) {
        if (runs.isEmpty()) {
            return "–";
        }
        var values = runs.stream().mapToDouble(run -> figure.applyAsDouble(run) * scale).sorted().toArray();
        var median = String.format(Locale.ROOT, format, median(values));
        return values.length == 1 ? median : median + String.format(Locale.ROOT, " (" + format + "–" + format + ")",
                values[0], values[values.length - 1]);
    }

    static double median(double[] sorted) {
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** The median of a figure over some runs. */
    static <T> double median(List<T> runs, ToDoubleFunction<T> figure) {
        return median(runs.stream().mapToDouble(figure).sorted().toArray());
    }

    /** The seconds the waits of a run would take one after another: n times their mean delay. */
    static double sequential(Row row) {
        return median(row.java(), Run::sumDelays);
    }

    /** Checks the figures against the targets of the issue that asked for this report. */
    private static List<String> targets(List<Row> rows) {
        var byN = rows.stream().collect(Collectors.toMap(Row::n, Function.identity()));
        var lines = new ArrayList<String>();
        lines.add("Targets (medians of the runs):");
        Function<Boolean, String> mark = ok -> ok ? "met" : "MISSED";
        if (byN.containsKey(100_000)) {
            double wall = median(byN.get(100_000).java(), Run::wall);
            lines.add(String.format(Locale.ROOT, "- waitN(100 000, 1) within 1.3 s wall: %.3f s, %s", wall, mark.apply(wall <= 1.3)));
        }
        if (byN.containsKey(1_000_000)) {
            var row = byN.get(1_000_000);
            double wall = median(row.java(), Run::wall);
            double heap = median(row.java(), Run::peakHeap) / (1 << 20);
            lines.add(String.format(Locale.ROOT, "- waitN(1 000 000, 1) within 4 s wall: %.3f s, %s", wall, mark.apply(wall <= 4)));
            lines.add(String.format(Locale.ROOT, "- waitN(1 000 000, 1) under 600 MiB of heap: %.0f MiB, %s", heap, mark.apply(heap < 600)));
        }
        if (byN.containsKey(10_000)) {
            var late = byN.get(10_000).lateness();
            double median = median(late, Lateness::median);
            double p99 = median(late, Lateness::p99);
            lines.add(String.format(Locale.ROOT, "- lateness at n = 10 000, median under 5 ms: %.2f ms, %s", median, mark.apply(median < 5)));
            lines.add(String.format(Locale.ROOT, "- lateness at n = 10 000, p99 under 50 ms: %.2f ms, %s", p99, mark.apply(p99 < 50)));
        }
        if (byN.containsKey(100_000) && !byN.get(100_000).python().isEmpty()) {
            double java = median(byN.get(100_000).java(), Run::overhead);
            double python = median(byN.get(100_000).python(), Run::overhead);
            lines.add(String.format(Locale.ROOT, "- overhead at n = 100 000, Java at least 10 times smaller than asyncio:"
                    + " %.1f ms against %.1f ms (%.0f times), %s", java * 1e3, python * 1e3, python / java,
                    mark.apply(python >= 10 * java)));
        }
        if (lines.size() == 1) {
            lines.add("- none applies to these n values (they concern n = 10 000, 100 000 and 1 000 000)");
        }
        return lines;
    }

    private static String markdown(String table, List<String> notes, List<String> targets) {
        var machine = String.format(Locale.ROOT, "Java %s (%s), %d cores, %s %s, %s.", Runtime.version(),
                System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), LocalDate.now());
        return table + "\n" + machine + "\n" + String.join("\n", notes) + "\n\n" + String.join("\n", targets) + "\n";
    }

    /** One line per n: the medians of every figure, in plain units, for scripts. */
    private static String tsv(List<Row> rows) {
        var out = new StringBuilder("n\truns\tjava_wall_s\tjava_overhead_s\tjava_peak_heap_mib\tlateness_median_ms"
                + "\tlateness_p99_ms\tasyncio_wall_s\tasyncio_overhead_s\tsequential_s\n");
        for (var row : rows) {
            out.append(row.n()).append('\t').append(row.java().size());
            out.append(String.format(Locale.ROOT, "\t%.6f\t%.6f\t%.1f\t%.3f\t%.3f", median(row.java(), Run::wall),
                    median(row.java(), Run::overhead), median(row.java(), Run::peakHeap) / (1 << 20),
                    median(row.lateness(), Lateness::median),
                    median(row.lateness(), Lateness::p99)));
            out.append(row.python().isEmpty() ? "\t\t" : String.format(Locale.ROOT, "\t%.6f\t%.6f",
                    median(row.python(), Run::wall), median(row.python(), Run::overhead)));
            out.append(String.format(Locale.ROOT, "\t%.3f%n", sequential(row)));
        }
        return out.toString();
    }
}
