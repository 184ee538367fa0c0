package workbook.grading;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the grader reads in the output of a Maven build: the compiler's errors and the modules
 * whose build failed.
 *
 * <p>Only the stable parts of Maven's output are read: the compiler plugin's error lines
 * ({@code [ERROR] /path/File.java:[line,column] message}) and Maven's closing
 * {@code [ERROR] Failed to execute goal ... on project <module>: <reason>} lines.
 */
final class MavenOutput {

    private static final Pattern ERROR = Pattern.compile("^\\[ERROR] (.+\\.java):\\[(\\d+),(\\d+)] (.*)$");
    private static final Pattern FAILED = Pattern.compile(
            "^\\[ERROR] Failed to execute goal(?: (\\S+) \\([^)]*\\))? on project ([^:\\s]+): (.*)$");

    /**
     * A module whose build failed.
     *
     * @param module the module's artifactId, which is its folder's name in this workbook
     * @param goal   the plugin goal that failed, e.g. {@code org.apache.maven.plugins:maven-compiler-plugin:3.16.0:compile}, or empty
     * @param reason what Maven said, on one line
     */
    record Failure(String module, String goal, String reason) {

        /** Returns whether the compiler failed: the module's code or its tests do not compile. */
        boolean compilation() {
            return goal.endsWith(":compile") || goal.endsWith(":testCompile");
        }
    }

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*m");

    private MavenOutput() {
    }

    /** Returns Maven's output as lines, without the color codes some Maven versions print even in batch mode. */
    static List<String> lines(String output) {
        return output.lines().map(line -> ANSI.matcher(line).replaceAll("")).toList();
    }

    /**
     * Returns the first compiler error of each module, keyed by module, in the order met.
     *
     * <p>The file of an error is given relative to the workbook's root, as the student knows it:
     * a file compiled from a module's {@code target/graded-sources} (a submission's copy) is named
     * by its place under {@code src/main/java}. Errors in a file outside {@code modules} are left out.
     *
     * @param lines   Maven's output
     * @param modules the folder names of the modules to look for
     */
    static Map<String, CompileError> compileErrors(List<String> lines, Collection<String> modules) {
        var errors = new LinkedHashMap<String, CompileError>();
        for (int i = 0; i < lines.size(); i++) {
            var m = ERROR.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            var path = m.group(1).replace('\\', '/');
            var message = new StringBuilder(m.group(4).strip());
            var details = new ArrayList<String>();
            // javac continues some messages on lines of their own ("symbol: ...", "location: ...").
            for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("[") && !lines.get(j).isBlank(); j++) {
                details.add(lines.get(j).strip().replaceAll("\\s+", " "));
            }
            if (!details.isEmpty()) {
                message.append(" (").append(String.join("; ", details)).append(')');
            }
            int line = Integer.parseInt(m.group(2));
            int column = Integer.parseInt(m.group(3));
            relativeFile(path, modules).ifPresent(file -> errors.putIfAbsent(file.substring(0, file.indexOf('/')),
                    new CompileError(file, line, column, message.toString())));
        }
        return errors;
    }

    /** Returns the modules whose build failed, with the first reason Maven gave for each. */
    static Map<String, Failure> failures(List<String> lines) {
        var failures = new LinkedHashMap<String, Failure>();
        for (var line : lines) {
            var m = FAILED.matcher(line);
            if (m.matches()) {
                var goal = m.group(1) == null ? "" : m.group(1);
                failures.putIfAbsent(m.group(2), new Failure(m.group(2), goal, m.group(3).strip()));
            }
        }
        return failures;
    }

    /** Returns the first line Maven logged as an error, without its {@code [ERROR]} prefix, if any. */
    static Optional<String> firstError(List<String> lines) {
        return lines.stream()
                .filter(l -> l.startsWith("[ERROR] "))
                .map(l -> l.substring("[ERROR] ".length()).strip())
                .filter(l -> !l.isEmpty())
                .findFirst();
    }

    /** Maps a path from the build to the workbook-relative file a student knows, if it lies in one of {@code modules}. */
    private static Optional<String> relativeFile(String path, Collection<String> modules) {
        for (var module : modules) {
            var copy = "/" + module + "/target/graded-sources/";
            int at = path.lastIndexOf(copy);
            if (at >= 0) {
                return Optional.of(module + "/src/main/java/" + path.substring(at + copy.length()));
            }
            var source = "/" + module + "/src/";
            at = path.lastIndexOf(source);
            if (at >= 0) {
                return Optional.of(path.substring(at + 1));
            }
        }
        return Optional.empty();
    }
}
