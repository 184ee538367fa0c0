import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * Compiles many single-class source folders, each into an output folder of its own, in one JVM
 * (one javac start per folder costs seconds each on a busy machine). Used by {@code .ci/mistakes-check}.
 *
 * <p>Reads lines {@code CLASSPATH TAB SOURCE_DIR TAB OUTPUT_DIR} from standard input; writes the
 * classes to {@code OUTPUT_DIR/classes} and, if a folder does not compile, the compiler's messages
 * to {@code OUTPUT_DIR/javac.log}. Exits with the number of folders that did not compile.
 */
public final class CompileEach {

    public static void main(String[] args) throws IOException {
        var javac = ToolProvider.getSystemJavaCompiler();
        int failed = 0;
        var in = new BufferedReader(new InputStreamReader(System.in));
        for (String line; (line = in.readLine()) != null; ) {
            var job = line.split("\t");
            var out = Path.of(job[2]);
            var arguments = new ArrayList<>(List.of("--release", "21", "-nowarn", "-cp", job[0],
                    "-d", out.resolve("classes").toString()));
            try (Stream<Path> sources = Files.list(Path.of(job[1]))) {
                sources.filter(p -> p.toString().endsWith(".java")).map(Path::toString).forEach(arguments::add);
            }
            Files.createDirectories(out);
            var messages = new ByteArrayOutputStream();
            if (javac.run(null, messages, messages, arguments.toArray(String[]::new)) != 0) {
                Files.write(out.resolve("javac.log"), messages.toByteArray());
                failed++;
            }
        }
        System.exit(failed);
    }
}
