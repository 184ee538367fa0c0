import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the workbook's JBang scripts share: finding the workbook they run in, and handing over to its Maven commands. */
final class Workbook {

    private Workbook() {
    }

    /** Returns the folder, at or above the current one, that holds the workbook's catalog and task registry. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("jbang-catalog.json")) && Files.isRegularFile(dir.resolve("tasks.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run this from inside the workbook: no folder at or above "
                + Path.of("").toAbsolutePath() + " holds jbang-catalog.json and tasks.json");
    }

    /**
     * Runs {@code ./mvnw -q PROPERTIES...} in the workbook's root, with the terminal passed through,
     * and returns its exit code: each JBang command is the Maven command of the same name, so the
     * engine stays the grader's, written once.
     */
    static int mvnw(List<String> properties) throws IOException, InterruptedException {
        var root = root();
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        var command = new ArrayList<>(List.of(root.resolve(windows ? "mvnw.cmd" : "mvnw").toString(),
                "-q", "-f", root.resolve("pom.xml").toString()));
        command.addAll(properties);
        var builder = new ProcessBuilder(command).directory(root.toFile()).inheritIO();
        // Maven and the java it starts run on the JDK 21+ JBang chose, whatever java the PATH finds first.
        var jdk = Path.of(System.getProperty("java.home"));
        builder.environment().put("JAVA_HOME", jdk.toString());
        builder.environment().merge("PATH", jdk.resolve("bin").toString(), (path, bin) -> bin + File.pathSeparator + path);
        return builder.start().waitFor();
    }
}
