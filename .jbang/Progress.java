///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES Workbook.java

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The progress command through JBang: {@code jbang progress}, {@code jbang progress --hint},
 * {@code jbang progress --hint=N} (an alias of the workbook's {@code jbang-catalog.json}).
 *
 * <p>It hands over to the Maven command, {@code ./mvnw -q -Dprogress=jbang}: the check is one Maven
 * build of the workbook either way, so the engine stays the grader's, written once.
 */
public final class Progress {

    private Progress() {
    }

    public static void main(String[] args) throws Exception {
        var root = Workbook.root();
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        var command = new ArrayList<>(List.of(root.resolve(windows ? "mvnw.cmd" : "mvnw").toString(),
                "-q", "-f", root.resolve("pom.xml").toString(), "-Dprogress=jbang"));
        for (var arg : args) {
            if (arg.equals("--hint")) {
                command.add("-Dhint");
            } else if (arg.startsWith("--hint=")) {
                command.add("-Dhint=" + arg.substring("--hint=".length()));
            } else {
                throw new IllegalArgumentException("unknown option " + arg + ": use --hint or --hint=N");
            }
        }
        var builder = new ProcessBuilder(command).directory(root.toFile()).inheritIO();
        // Maven and the java it starts run on the JDK 21+ JBang chose, whatever java the PATH finds first.
        var jdk = Path.of(System.getProperty("java.home"));
        builder.environment().put("JAVA_HOME", jdk.toString());
        builder.environment().merge("PATH", jdk.resolve("bin").toString(), (path, bin) -> bin + File.pathSeparator + path);
        System.exit(builder.start().waitFor());
    }
}
