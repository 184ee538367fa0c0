///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES Workbook.java

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
 * Runs Task N's own {@code Main} on the reference solutions: {@code jbang taskN-solution} (an
 * alias of the workbook's {@code jbang-catalog.json}).
 *
 * <p>{@code Main}'s {@code //SOURCES} lines name the student's file of its task and those of the
 * earlier tasks. This compiles {@code Main.java} with those files, each replaced by its
 * reference version from {@code solutions/} (same path under that folder), and runs it in a JVM
 * of its own, as JBang would run {@code Main.java} itself. Nothing is copied or changed in the
 * workbook: the classes are compiled into a temporary folder that is deleted afterwards.
 */
public final class RunOnSolutions {

    private RunOnSolutions() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1 || !args[0].matches("[0-4]")) {
            throw new IllegalArgumentException("expected a task number from 0 to 4, got " + Arrays.toString(args));
        }
        String task = args[0];
        Path root = Workbook.root();
        Path main = mainOf(root, task);
        List<String> sources = new ArrayList<>(List.of(main.toString()));
        for (String name : sourcesOf(main)) {
            Path file = main.resolveSibling(name).normalize();
            Path solution = root.resolve("solutions").resolve(root.relativize(file));
            sources.add((Files.isRegularFile(solution) ? solution : file).toString());
        }

        Path classes = Files.createTempDirectory("workbook-task" + task + "-solution");
        try {
            List<String> javacArgs = new ArrayList<>(List.of("--release", "21", "-d", classes.toString()));
            javacArgs.addAll(sources);
            if (ToolProvider.getSystemJavaCompiler().run(null, null, null, javacArgs.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("could not compile " + sources);
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process run = new ProcessBuilder(java, "-classpath", classes.toString(), "workbook.task" + task + ".Main")
                    .inheritIO()
                    .start();
            int exitCode = run.waitFor();
            if (exitCode != 0) {
                System.exit(exitCode);
            }
        } finally {
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static Path mainOf(Path root, String task) throws IOException {
        try (Stream<Path> modules = Files.list(root)) {
            return modules.filter(dir -> dir.getFileName().toString().startsWith("task" + task + "-"))
                    .map(dir -> dir.resolve("src/main/java/workbook/task" + task + "/Main.java"))
                    .filter(Files::isRegularFile)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Main.java of Task " + task + " in " + root));
        }
    }

    /** The files named by the {@code //SOURCES} lines of a JBang script, relative to the script. */
    private static List<String> sourcesOf(Path script) throws IOException {
        try (Stream<String> lines = Files.lines(script)) {
            return lines.filter(line -> line.startsWith("//SOURCES "))
                    .flatMap(line -> Arrays.stream(line.substring("//SOURCES ".length()).trim().split("\\s+")))
                    .toList();
        }
    }
}
