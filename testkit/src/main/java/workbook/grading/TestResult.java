package workbook.grading;

/**
 * The outcome of one graded test.
 *
 * @param task        the task the test grades (its {@code @Tag("task:N")})
 * @param displayName the requirement the test checks
 * @param status      how it ended
 * @param message     the failure message; empty when the test passed
 */
public record TestResult(int task, String displayName, Status status, String message) {

    /** How a graded test ended. */
    public enum Status { PASSED, FAILED, ABORTED }

    /** Returns whether the test passed; an aborted or skipped test earns nothing. */
    public boolean passed() {
        return status == Status.PASSED;
    }

    /** Returns the first line of the failure message, or an empty string. */
    public String firstLine() {
        return message.lines().findFirst().orElse("");
    }

    /** Returns this result as one tab-separated line: task, status, display name, first message line. */
    public String toLine() {
        return String.join("\t", String.valueOf(task), status.name(), clean(displayName), clean(firstLine()));
    }

    /** Parses a line written by {@link #toLine()}. */
    public static TestResult parse(String line) {
        var f = line.split("\t", 4);
        return new TestResult(Integer.parseInt(f[0]), f[2], Status.valueOf(f[1]), f.length > 3 ? f[3] : "");
    }

    private static String clean(String text) {
        return text.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    }
}
