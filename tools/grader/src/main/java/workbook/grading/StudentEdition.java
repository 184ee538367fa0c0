package workbook.grading;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Exports the student edition of the workbook: what students receive, ready to be a GitHub
 * Classroom template. Run from the instructors' workbook: {@code ./mvnw -q -Dstudent-edition=DIR}.
 *
 * <p>It is the workbook without what must not reach students or only serves the instructors and
 * maintainers: the reference solutions and the mistakes catalog ({@code solutions/}), the
 * speed-up report built from them ({@code tools/speedup/}), CI ({@code .ci/}, {@code ci.yml}), the
 * workflow that grades a class ({@code grade-class.yml}),
 * the instructors' and maintainers' guides, the JBang aliases and launcher that run the reference
 * solutions, the tools' own tests, and every part of a README between {@code <!-- instructors-only -->} and
 * {@code <!-- /instructors-only -->}. Build output ({@code target/}), version control and IDE
 * files are left behind too.
 */
public final class StudentEdition {

    /** Paths, relative to the workbook's root, that the student edition leaves out. */
    private static final Set<String> LEFT_OUT = Set.of("solutions", "tools/speedup", ".ci", ".github/workflows/ci.yml",
            ".github/workflows/grade-class.yml",
            ".jbang/RunOnSolutions.java", "INSTRUCTORS.md", "MAINTAINERS.md", "tools/testkit/src/test",
            "tools/grader/src/test", ".git", ".idea", ".vscode", ".settings");
    private static final Pattern INSTRUCTORS_ONLY =
            Pattern.compile("<!-- instructors-only -->.*?<!-- /instructors-only -->\\R?", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StudentEdition() {
    }

    /**
     * Exports the student edition.
     *
     * @param args the workbook's root; the folder to write it to (new or empty)
     */
    public static void main(String[] args) throws IOException {
        var workbook = Path.of(args[0]).toAbsolutePath().normalize();
        var target = Path.of(args[1]).toAbsolutePath().normalize();
        if (args[1].isBlank() || args[1].equals("true")) {
            fail("name the folder to write it to, e.g. ./mvnw -q -Dstudent-edition=../async-workbook-students");
        }
        if (target.startsWith(workbook)) {
            fail(target + " is inside the workbook: name a folder outside it");
        }
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                if (files.findAny().isPresent()) {
                    fail(target + " is not empty: name a new or empty folder");
                }
            }
        }
        if (!Files.isDirectory(workbook.resolve("solutions"))) {
            fail(workbook + " is already a student edition (it has no solutions/)");
        }
        try (Stream<Path> files = Files.walk(workbook)) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                var relative = workbook.relativize(file);
                if (!leftOut(relative)) {
                    copy(file, target.resolve(relative.toString()), relative.toString().replace('\\', '/'));
                }
            }
        }
        System.out.println("Wrote the student edition to " + target + ": make it a repository of its own and the"
                + " template of the assignment (see INSTRUCTORS.md, section \"The student edition\").");
    }

    private static boolean leftOut(Path relative) {
        var path = relative.toString().replace('\\', '/');
        var name = relative.getFileName().toString();
        return LEFT_OUT.stream().anyMatch(out -> path.equals(out) || path.startsWith(out + "/"))
                || path.matches("(.*/)?target/.*") || name.startsWith("grade-report.") || name.startsWith("grade-summary.")
                || name.endsWith(".iml") || name.equals(".classpath") || name.equals(".project");
    }

    private static void copy(Path from, Path to, String path) throws IOException {
        Files.createDirectories(to.getParent());
        if (path.endsWith(".md")) {
            var text = Files.readString(from, StandardCharsets.UTF_8);
            Files.writeString(to, INSTRUCTORS_ONLY.matcher(text).replaceAll(""), StandardCharsets.UTF_8);
        } else if (path.equals("jbang-catalog.json")) {
            var catalog = (ObjectNode) JSON.readTree(from.toFile());
            var aliases = (ObjectNode) catalog.get("aliases");
            aliases.properties().removeIf(alias -> alias.getKey().endsWith("-solution"));
            Files.writeString(to, JSON.writeValueAsString(catalog) + System.lineSeparator(), StandardCharsets.UTF_8);
        } else if (path.equals("tools/pom.xml")) {
            var pom = Files.readString(from, StandardCharsets.UTF_8);
            Files.writeString(to, pom.replaceAll("\\R\\s*<module>speedup</module>", ""), StandardCharsets.UTF_8);
        } else {
            Files.copy(from, to);
            to.toFile().setExecutable(from.toFile().canExecute());
        }
    }

    private static void fail(String why) {
        System.err.println("Could not export the student edition: " + why + ".");
        System.exit(2);
    }
}
