package workbook.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * Runs a task's {@code Main} on the student files of a submission (the reference solutions, or a
 * student's copy): what that submission's code prints.
 *
 * <p>{@code Main}'s {@code //SOURCES} lines name the student's file of its task and those of the
 * earlier tasks. Each is taken from the submission (same path under its folder) where it has it,
 * from the workbook otherwise; {@code Main} itself is the workbook's. They are compiled into a
 * temporary folder, deleted afterwards, and {@code Main} runs in a JVM of its own, as JBang would
 * run it. Nothing in the workbook or the submission is changed.
 *
 * <p>JDK only, so that the JBang launcher {@code .jbang/RunOnSolutions.java} compiles it too.
 */
public final class RunMains {

    private RunMains() {
    }

    /**
     * Runs {@code ./mvnw -q -Dmains=FOLDER [-Dmains.task=N]}: every task's {@code Main}, or Task
     * N's, on the student files of FOLDER, each after a line naming it.
     *
     * @param args the workbook's root; the submission's folder (relative to the working directory);
     *             the task's number, or empty for every task
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        var workbook = Path.of(args[0]).toAbsolutePath().normalize();
        var submission = Path.of(args[1]).toAbsolutePath().normalize();
        if (!Files.isDirectory(submission)) {
            System.err.println("Could not run the Mains: there is no folder " + submission + ".");
            System.exit(2);
        }
        var tasks = args.length > 2 && !args[2].isBlank() ? List.of(Integer.parseInt(args[2].strip())) : taskNumbers(workbook);
        for (int task : tasks) {
            System.out.println("== Task " + task + ": " + workbook.relativize(mainOf(workbook, task)) + " on " + submission);
            System.out.flush();
            int exit = run(workbook, submission, task);
            if (exit != 0) {
                System.exit(exit);
            }
        }
    }

    /**
     * Compiles and runs Task {@code task}'s {@code Main} on the student files of {@code submission},
     * its output going to this JVM's; blocks until it ends and returns its exit code.
     *
     * @throws IllegalStateException if the files do not compile
     */
    public static int run(Path workbook, Path submission, int task) throws IOException, InterruptedException {
        var main = mainOf(workbook, task);
        var sources = new ArrayList<>(List.of(main.toString()));
        for (var name : sourcesOf(main)) {
            var file = main.resolveSibling(name).normalize();
            var theirs = submission.resolve(workbook.relativize(file));
            sources.add((Files.isRegularFile(theirs) ? theirs : file).toString());
        }
        var classes = Files.createTempDirectory("workbook-task" + task + "-main");
        try {
            var javac = new ArrayList<>(List.of("--release", "21", "-proc:none", "-d", classes.toString()));
            javac.addAll(sources);
            if (ToolProvider.getSystemJavaCompiler().run(null, null, null, javac.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("could not compile " + sources);
            }
            var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            return new ProcessBuilder(java, "-classpath", classes.toString(), "workbook.task" + task + ".Main")
                    .inheritIO().start().waitFor();
        } finally {
            try (Stream<Path> files = Files.walk(classes)) {
                for (var file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Returns Task {@code task}'s {@code Main.java}: {@code taskN-*}/src/main/java/workbook/taskN/Main.java. */
    static Path mainOf(Path workbook, int task) throws IOException {
        try (Stream<Path> modules = Files.list(workbook)) {
            return modules.filter(dir -> dir.getFileName().toString().startsWith("task" + task + "-"))
                    .map(dir -> dir.resolve("src/main/java/workbook/task" + task + "/Main.java"))
                    .filter(Files::isRegularFile)
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no Main.java of Task " + task + " in " + workbook));
        }
    }

    private static List<Integer> taskNumbers(Path workbook) throws IOException {
        try (Stream<Path> modules = Files.list(workbook)) {
            return modules.map(dir -> dir.getFileName().toString())
                    .filter(name -> name.matches("task\\d+-.*") && Files.isDirectory(workbook.resolve(name)))
                    .map(name -> Integer.parseInt(name.substring(4, name.indexOf('-'))))
                    .sorted()
                    .toList();
        }
    }

    /** The files named by the {@code //SOURCES} lines of a JBang script, relative to the script. */
    private static List<String> sourcesOf(Path script) throws IOException {
        try (Stream<String> lines = Files.lines(script)) {
            return lines.filter(line -> line.startsWith("//SOURCES "))
                    .flatMap(line -> Arrays.stream(line.substring("//SOURCES ".length()).strip().split("\\s+")))
                    .toList();
        }
    }
}
