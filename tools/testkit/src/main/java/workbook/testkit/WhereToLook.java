package workbook.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Ends every graded test's failure message with the file to edit and the README section to read.
 *
 * <p>Registered for every suite through {@code META-INF/services} (JUnit's extension
 * auto-detection, which the parent POM turns on). The first line of the message, which the
 * grade reports quote, is left as the test wrote it.
 */
public final class WhereToLook implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        var task = context.getTags().stream()
                .filter(tag -> tag.startsWith("task:"))
                .map(tag -> Task.number(Integer.parseInt(tag.substring("task:".length()))))
                .findFirst();
        if (task.isEmpty() || !(failure instanceof AssertionError) || failure.getMessage() == null) {
            throw failure;
        }
        var pointed = new AssertionError(failure.getMessage() + "\n" + pointer(task.get()), failure.getCause());
        pointed.setStackTrace(failure.getStackTrace());
        throw pointed;
    }

    /** Returns the line that tells a student where to look for {@code task}. */
    public static String pointer(Task task) {
        return "Where to look: edit %s; read %s/README.md, sections \"What to do\" and \"Hints\""
                .formatted(task.studentFile(), task.module());
    }
}
