package workbook.grading;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import workbook.testkit.Task;

/**
 * The students' reset command: puts one task's file back to its untouched skeleton and keeps the
 * student's version beside it as {@code FILE.java.bak}.
 *
 * <p>Run from the workbook's root with {@code ./mvnw -q -Dreset=N}, or {@code jbang reset N}. The
 * skeletons come with the grader ({@value #SKELETONS}, made from the task modules by
 * {@code .ci/registry --write}), since the student's copy of the workbook holds only their own
 * version. Exits with 0 when the file was reset, 2 after one sentence saying why it was not.
 */
public final class Reset {

    /** The untouched skeletons, by their path in the workbook. */
    static final String SKELETONS = "/workbook/skeletons.json";

    private Reset() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 || !args[1].strip().matches("\\d+")
                || Task.all().stream().noneMatch(t -> t.number() == Integer.parseInt(args[1].strip()))) {
            err.println("Reset did not run: name a task by its number, one of "
                    + Task.all().stream().map(t -> String.valueOf(t.number())).toList() + ", e.g. ./mvnw -q -Dreset=0");
            return 2;
        }
        var task = Task.number(Integer.parseInt(args[1].strip()));
        var file = Path.of(args[0]).resolve(task.studentFile());
        var backup = file.resolveSibling(file.getFileName() + ".bak");
        try (var in = Reset.class.getResourceAsStream(SKELETONS)) {
            if (in == null) {
                err.println("Reset did not run: the grader has no " + SKELETONS);
                return 2;
            }
            var skeletons = new ObjectMapper().readValue(in, new TypeReference<Map<String, String>>() { });
            var skeleton = skeletons.get(task.studentFile());
            if (skeleton == null) {
                err.println("Reset did not run: the grader has no skeleton of " + task.studentFile());
                return 2;
            }
            if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(skeleton)) {
                out.println("Task " + task.number() + "'s file is its untouched skeleton already: " + task.studentFile());
                return 0;
            }
            if (Files.exists(file)) {
                Files.move(file, backup, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(file, skeleton, StandardCharsets.UTF_8);
            out.println("Task " + task.number() + " is back to its untouched skeleton: " + task.studentFile());
            if (Files.exists(backup)) {
                out.println("Your version is kept beside it: " + task.module() + "/" + Path.of(args[0]).resolve(task.module())
                        .relativize(backup).toString().replace('\\', '/'));
            }
            return 0;
        } catch (IOException e) {
            err.println("Reset did not run: " + e.getMessage());
            return 2;
        }
    }
}
