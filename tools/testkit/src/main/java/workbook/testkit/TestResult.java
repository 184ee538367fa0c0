package workbook.testkit;

/**
 * The outcome of one graded test.
 *
 * @param task        the task the test grades (its {@code @Tag("task:N")})
 * @param displayName the requirement the test checks
 * @param status      how it ended
 * @param message     the failure message; empty when the test passed
 * @param core        whether it checks a core requirement of its task (tagged {@code core}): the
 *                    lesson of the task, without which the task earns at most half its points
 */
public record TestResult(int task, String displayName, Status status, String message, boolean core) {

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
}
