package workbook.grading;

/**
 * The first error the Java compiler reported for a task.
 *
 * @param file    the file, relative to the workbook's root, as the student knows it
 *                (e.g. {@code task2-runtime/src/main/java/workbook/task2/MeasureRuntime.java})
 * @param line    its line, from 1
 * @param column  its column, from 1
 * @param message what the compiler said, on one line
 */
public record CompileError(String file, int line, int column, String message) {

    /** Returns the error as compilers print it: {@code file:line:column: message}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
