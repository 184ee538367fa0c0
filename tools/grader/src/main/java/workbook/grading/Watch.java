package workbook.grading;

import static org.junit.platform.engine.discovery.ClassNameFilter.STANDARD_INCLUDE_PATTERN;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URL;
import java.nio.ByteBuffer;
import java.net.URLClassLoader;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.NonBlockingReader;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import workbook.testkit.ScoreListener;
import workbook.testkit.StudentCode;
import workbook.testkit.Task;
import workbook.testkit.TestResult;

/**
 * Watch mode: each time the student saves a task's file, checks the current task again and shows
 * the progress view.
 *
 * <p>Run from the workbook's root with {@code ./mvnw -q -Dwatch}, or {@code jbang watch}. One JVM
 * stays up: on each save the task's sources are compiled with the JDK's compiler in this JVM and
 * its graded suite runs in this JVM's JUnit launcher, in a class loader of its own that the next
 * run replaces. When the current task is done, the next one becomes current and is checked at once.
 * Keys: {@code h} the current task's next hint, {@code l} the list of tasks, {@code r} check again,
 * {@code q} quit (with Enter where the terminal cannot pass single keys).
 *
 * <p>Files are watched with the JDK's {@link WatchService} and, since its events are unreliable on
 * some file systems (WSL's, network drives), also polled every {@value #POLL_MILLIS} ms: a change
 * is a change of a file's contents, whatever its time stamp says.
 *
 * <p>The student's code runs in this JVM only after it passed the workbook's allow-list
 * ({@link StudentCode}), as in the grader; the grade itself is only ever the grader's.
 */
public final class Watch {

    /** How often the task files are read when the file system sends no event. */
    static final int POLL_MILLIS = 250;

    /** How long a file must stay unchanged before it is checked: editors write a file in steps. */
    static final int SETTLE_MILLIS = 60;

    private static final PrintStream DISCARD = new PrintStream(OutputStream.nullOutputStream());

    /** What a test compiled against an earlier version of the student's class meets when its signatures changed. */
    private static final Pattern LINKAGE = Pattern.compile("NoSuch(Method|Field)Error|IncompatibleClassChangeError|AbstractMethodError");

    /** A task's compiled classes and the source of the student's file they were compiled from. */
    private record Compiled(ByteBuffer source, Path classes) {
    }

    /** What the watch loop reacts to. */
    private sealed interface Event {
        /** The student saved the files of these tasks. */
        record Saved(Set<Integer> tasks, long nanos) implements Event {
        }

        /** The student pressed a key. */
        record Key(char key) implements Event {
        }
    }

    private final Path workbook;
    private final Grader grader;
    private final JavaCompiler compiler;
    private final Map<Integer, TaskReadme> readmes;
    private final PrintWriter screen;
    private final boolean clears;
    private final Path work;
    private final Map<Integer, TaskReport> reports = new HashMap<>();
    /** Each task's classes, with the source they were compiled from. */
    private final Map<Integer, Compiled> compiled = new HashMap<>();
    /** The last verdicts, newest last: the one before shows what moved the view to the current task. */
    private final List<String> verdicts = new ArrayList<>();
    private int current;
    private int hint = -1;
    private int checks;
    private int runs;

    private Watch(Path workbook, PrintWriter screen, boolean clears) throws GradingException, IOException {
        this.workbook = workbook;
        this.grader = new Grader(workbook, Grade.suiteClasspath(), Grade.SUITE_LIMIT);
        this.compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new GradingException("it runs on a JRE, not a JDK: it needs the JDK's compiler");
        }
        this.readmes = Progress.readmes(workbook);
        this.screen = screen;
        this.clears = clears;
        this.work = Files.createTempDirectory("workbook-watch");
    }

    /**
     * Starts watch mode and returns when the student quits.
     *
     * @param args the workbook's root
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("Watch mode could not start: expected the workbook's root, got " + List.of(args));
            System.exit(2);
        }
        var workbook = Path.of(args[0]).toAbsolutePath().normalize();
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
            boolean dumb = Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
            if (!dumb) {
                terminal.enterRawMode();
            }
            var watch = new Watch(workbook, terminal.writer(), !dumb);
            var events = new LinkedBlockingQueue<Event>();
            var stopped = new AtomicBoolean();
            var keys = Thread.ofPlatform().daemon().name("watch keys").start(() -> readKeys(terminal, events, stopped));
            Thread.ofPlatform().daemon().name("watch files").start(() -> watchFiles(workbook, events));
            watch.run(events);
            // The terminal closes (and leaves raw mode) only once no read holds it.
            stopped.set(true);
            keys.join(1_000);
        } catch (GradingException e) {
            System.err.println("Watch mode could not start: " + e.getMessage() + ".");
            System.exit(2);
        } catch (IOException e) {
            System.err.println("Watch mode could not start: " + e.getMessage());
            System.exit(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.exit(0);
    }

    private void run(BlockingQueue<Event> events) throws InterruptedException, GradingException {
        var known = ProgressState.read(workbook);
        current = known.map(ProgressState::current).orElse(0);
        known.ifPresent(state -> state.before(current).forEach(r -> reports.put(r.task().number(), r)));
        check(current, System.nanoTime());
        while (true) {
            switch (events.take()) {
                case Event.Saved(var tasks, long nanos) -> check(Math.min(current, tasks.stream().min(Integer::compare).orElse(current)), nanos);
                case Event.Key(char key) when key == 'q' || key == 'Q' -> {
                    screen.println("Watch mode stopped.");
                    screen.flush();
                    Grader.delete(work);
                    return;
                }
                case Event.Key(char key) when key == 'h' || key == 'H' -> {
                    var hints = readmes.get(current).hints();
                    hint = hints.isEmpty() ? -1 : hint < 1 ? 1 : hint % hints.size() + 1;
                    show(status());
                }
                case Event.Key(char key) when key == 'l' || key == 'L' -> showTasks();
                case Event.Key(char key) when key == 'r' || key == 'R' -> check(current, System.nanoTime());
                case Event.Key(char key) -> { }
            }
        }
    }

    /**
     * Checks {@code from} and, while each is done, the tasks after it; shows the view after each
     * verdict. {@code since} is when the save (or key) was seen, for the time the verdict took.
     */
    private void check(int from, long since) throws GradingException {
        int number = from;
        while (true) {
            show(status("Checking Task %d ...".formatted(number)));
            var report = runTask(Task.number(number));
            number = report.task().number();
            reports.put(number, report);
            checks++;
            var verdict = "Check #%d: Task %d, %s, in %.1f s (its tests: %.1f s)".formatted(checks, number,
                    summary(report), (System.nanoTime() - since) / 1e9, report.seconds());
            boolean last = number == Task.all().getLast().number();
            if (number != current) {
                hint = -1;
            }
            current = number;
            verdicts.add(verdict);
            if (verdicts.size() > 2) {
                verdicts.removeFirst();
            }
            show(status());
            if (!report.done() || last) {
                save();
                return;
            }
            number++;
            since = System.nanoTime();
        }
    }

    /**
     * Compiles the tasks up to {@code task} from the student's files and runs {@code task}'s graded
     * suite.
     *
     * <p>A task's classes are compiled again only when its file, or an earlier task's, changed; its
     * graded tests, which never change, are compiled once and compiled again only if they no longer
     * link against the student's classes (a method whose signature changed), so that a save costs
     * one task's compilation and the suite.
     */
    private TaskReport runTask(Task task) throws GradingException {
        var classpath = new ArrayList<Path>();
        boolean changed = false;
        for (var earlier : Task.all().stream().filter(t -> t.number() <= task.number()).toList()) {
            var file = workbook.resolve(earlier.studentFile());
            var source = read(file);
            var known = compiled.get(earlier.number());
            if (changed || known == null || !known.source().equals(source)) {
                changed = true;
                var classes = work.resolve("classes-" + earlier.number() + "-" + ++runs);
                var error = grader.compileMain(compiler, earlier, file, classpath, classes);
                if (known != null) {
                    Grader.delete(known.classes());
                }
                compiled.remove(earlier.number());
                if (error.isPresent()) {
                    Grader.delete(classes);
                    return TaskReport.doesNotCompile(earlier, error.get());
                }
                known = new Compiled(source, classes);
                compiled.put(earlier.number(), known);
            }
            classpath.add(known.classes());
        }
        var forbidden = StudentCode.of(task.studentClass(), classpath.getLast()).violations();
        if (!forbidden.isEmpty()) {
            return TaskReport.notGraded(task, TaskReport.Status.FORBIDDEN_API, "Task " + task.number() + " scores 0: "
                    + forbidden.getFirst());
        }
        long start = System.nanoTime();
        var tests = work.resolve("tests-" + task.number());
        var results = Files.isDirectory(tests) ? runSuite(tests, classpath) : List.<TestResult>of();
        if (results.isEmpty() || results.stream().anyMatch(r -> LINKAGE.matcher(r.message()).find())) {
            Grader.delete(tests);
            var error = grader.compileTests(compiler, task, classpath, tests);
            if (error.isPresent()) {
                Grader.delete(tests);
                return TaskReport.notGraded(task, TaskReport.Status.DOES_NOT_COMPILE,
                        "does not compile: the graded tests do not compile against it: " + error.get());
            }
            start = System.nanoTime();
            results = runSuite(tests, classpath);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        results = results.stream().filter(r -> r.task() == task.number()).toList();
        return results.isEmpty() ? TaskReport.notGraded(task, TaskReport.Status.NO_RESULTS, "no graded test ran")
                : TaskReport.graded(task, results, seconds);
    }

    private static ByteBuffer read(Path file) {
        try {
            return ByteBuffer.wrap(Files.readAllBytes(file));
        } catch (IOException e) {
            return ByteBuffer.allocate(0);
        }
    }

    /**
     * Runs the graded suite in {@code tests} in this JVM, in a class loader of its own over the
     * test classes and the tasks' classes; whatever the code prints is discarded.
     */
    private List<TestResult> runSuite(Path tests, List<Path> classpath) throws GradingException {
        var urls = Stream.concat(Stream.of(tests), classpath.stream()).map(Grader::url).toArray(URL[]::new);
        var thread = Thread.currentThread();
        var previous = thread.getContextClassLoader();
        var out = System.out;
        var err = System.err;
        var results = new AtomicReference<List<TestResult>>(List.of());
        try (var loader = new URLClassLoader("run-" + ++runs, urls, Watch.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            System.setOut(DISCARD);
            System.setErr(DISCARD);
            var request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClasspathRoots(Set.of(tests)))
                    .filters(includeClassNamePatterns(STANDARD_INCLUDE_PATTERN))
                    .build();
            // Only this listener: the one JUnit finds by itself would print the score line over the view.
            var launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false).build());
            launcher.execute(request, new ScoreListener(results::set, DISCARD));
            return results.get();
        } catch (IOException e) {
            throw new GradingException("could not close the suite's class loader: " + e.getMessage());
        } finally {
            System.setOut(out);
            System.setErr(err);
            thread.setContextClassLoader(previous);
        }
    }

    /** Returns the last verdicts, then {@code more}, one per line. */
    private String status(String... more) {
        return Stream.concat(verdicts.stream(), Stream.of(more)).collect(Collectors.joining(System.lineSeparator()));
    }

    /** Keeps what the checks found, for the progress command's hints and the next watch. */
    private void save() {
        var rows = new ArrayList<TaskReport>();
        for (var task : Task.all()) {
            rows.add(reports.getOrDefault(task.number(),
                    TaskReport.notGraded(task, TaskReport.Status.NOT_GRADED, "not checked yet")));
        }
        ProgressState.of(new Report(workbook, Instant.now().truncatedTo(ChronoUnit.SECONDS), rows)).write(workbook);
    }

    /** Clears the screen and shows the view of the current task, under {@code status}. */
    private void show(String status) {
        var rows = new ArrayList<TaskReport>();
        for (var task : Task.all()) {
            var report = reports.get(task.number());
            rows.add(task.number() <= current && report != null ? report
                    : TaskReport.notGraded(task, TaskReport.Status.NOT_GRADED, "not checked yet"));
        }
        var view = ProgressView.text(new Report(workbook, Instant.now(), rows), readmes, ProgressView.Commands.WATCH, hint);
        if (clears) {
            screen.print("\033[H\033[2J");
        }
        screen.println("Watch mode: saving a task's file checks it again. Keys: h hint, l tasks, r check again, q quit");
        screen.print(ProgressView.lines(List.of(status, "")).replace(System.lineSeparator(), "\r\n"));
        // Lines end in CR LF: the terminal is in raw mode, where some systems do not return the carriage.
        screen.print(view.replace(System.lineSeparator(), "\r\n").replace("\n", "\r\n").replace("\r\r\n", "\r\n"));
        screen.flush();
    }

    private void showTasks() {
        var lines = new ArrayList<String>();
        lines.add("The tasks (press r to go back to the current task):");
        for (var task : Task.all()) {
            lines.add("  Task %d  %-26s %s".formatted(task.number(), task.title(), task.studentFile()));
        }
        if (clears) {
            screen.print("\033[H\033[2J");
        }
        screen.print(ProgressView.lines(lines).replace(System.lineSeparator(), "\r\n"));
        screen.flush();
    }

    private static String summary(TaskReport report) {
        return switch (report.status()) {
            case GRADED -> report.done() ? "done, %d/%d tests pass".formatted(report.passed(), report.total())
                    : "%d/%d tests pass".formatted(report.passed(), report.total());
            case DOES_NOT_COMPILE -> report.compileError() == null ? report.problem()
                    : "does not compile: " + report.compileError();
            default -> report.problem();
        };
    }

    /** Reads keys and posts them until {@code stopped}; the end of input counts as {@code q}. */
    private static void readKeys(Terminal terminal, BlockingQueue<Event> events, AtomicBoolean stopped) {
        try {
            while (!stopped.get()) {
                int c = terminal.reader().read(100);
                if (c == NonBlockingReader.EOF) {
                    events.put(new Event.Key('q'));
                    return;
                }
                if (c >= 0) {
                    events.put(new Event.Key((char) c));
                }
            }
        } catch (IOException | InterruptedException e) {
            events.offer(new Event.Key('q'));
        }
    }

    /** Posts a {@link Event.Saved} each time the contents of tasks' student files change. */
    private static void watchFiles(Path workbook, BlockingQueue<Event> events) {
        var files = new HashMap<Path, Integer>();
        Task.all().forEach(task -> files.put(workbook.resolve(task.studentFile()), task.number()));
        try (WatchService service = FileSystems.getDefault().newWatchService()) {
            for (var dir : files.keySet().stream().map(Path::getParent).distinct().toList()) {
                try {
                    dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
                } catch (IOException e) {
                    // Polling alone sees the changes.
                }
            }
            var reported = contents(files.keySet());
            while (true) {
                var key = service.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
                var now = contents(files.keySet());
                if (now.equals(reported)) {
                    continue;
                }
                long nanos = System.nanoTime();
                for (var settling = now; ; settling = now) {
                    Thread.sleep(SETTLE_MILLIS);
                    now = contents(files.keySet());
                    if (now.equals(settling)) {
                        break;
                    }
                }
                var before = reported;
                var after = now;
                events.put(new Event.Saved(files.entrySet().stream()
                        .filter(e -> !after.get(e.getKey()).equals(before.get(e.getKey())))
                        .map(Map.Entry::getValue).collect(Collectors.toSet()), nanos));
                reported = now;
            }
        } catch (IOException | InterruptedException e) {
            // Without a watch there are still the keys: r checks again.
        }
    }

    /** Returns each file's contents; a file that cannot be read has none. */
    private static Map<Path, ByteBuffer> contents(Set<Path> files) {
        var contents = new HashMap<Path, ByteBuffer>();
        for (var file : files) {
            try {
                contents.put(file, ByteBuffer.wrap(Files.readAllBytes(file)));
            } catch (IOException e) {
                contents.put(file, ByteBuffer.allocate(0));
            }
        }
        return contents;
    }
}
