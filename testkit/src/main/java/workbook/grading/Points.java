package workbook.grading;

import java.util.List;

/**
 * The five tasks of the workbook and the points each is worth, as in the original course.
 *
 * @param number     the task's number, as in its {@code @Tag("task:N")}
 * @param module     the task's Maven module (and folder)
 * @param studentFile the file the student edits, relative to the workbook's root
 * @param points     what the task is worth when every graded test passes
 */
public record Points(int number, String module, String studentFile, int points) {

    /** Every task, in course order. */
    public static final List<Points> TASKS = List.of(
            new Points(0, "task0-basic", "task0-basic/src/main/java/workbook/task0/BasicAsyncSyntax.java", 5),
            new Points(1, "task1-concurrent", "task1-concurrent/src/main/java/workbook/task1/ConcurrentCoroutines.java", 7),
            new Points(2, "task2-runtime", "task2-runtime/src/main/java/workbook/task2/MeasureRuntime.java", 4),
            new Points(3, "task3-tasks", "task3-tasks/src/main/java/workbook/task3/Tasks.java", 4),
            new Points(4, "task4-task-wait-n", "task4-task-wait-n/src/main/java/workbook/task4/TaskWaitN.java", 7));

    /** Returns the task numbered {@code number}. */
    public static Points task(int number) {
        return TASKS.get(number);
    }

    /** Returns the points earned when {@code passed} of {@code total} graded tests pass. */
    public double earned(int passed, int total) {
        return total == 0 ? 0 : points * (double) passed / total;
    }
}
