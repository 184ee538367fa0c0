package workbook.task4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.parallel.ResourceAccessMode.READ;
import static workbook.testkit.WaitNContract.CPU;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import workbook.task1.ConcurrentCoroutines;
import workbook.task3.Tasks;
import workbook.testkit.StudentCode;
import workbook.testkit.WaitNContract;

/**
 * Graded tests of Task 4: the contract of Task 1's {@code waitN}, checked the same way on
 * {@code taskWaitN}, and that it is built from Task 3's tasks and Task 1's {@code inCompletionOrder}.
 * The probe of the contract is one more task: a wait starts only when its task runs, so the
 * order of the delays is ascending only up to the time the last task began.
 */
@Tag("task:4")
@DisplayName("Task 4: taskWaitN")
class TaskWaitNTest {

    private static final WaitNContract TASK_WAIT_N = new WaitNContract("taskWaitN", TaskWaitN::taskWaitN,
            () -> Tasks.taskWaitRandom(0));

    @Test
    @Order(7)
    @DisplayName("taskWaitN(100, 1) returns at once, before its tasks are over")
    @ResourceLock(CPU)
    void returnsAtOnce() {
        TASK_WAIT_N.returnsAtOnce();
    }

    @Test
    @Order(3)
    @DisplayName("taskWaitN(1000, 1) runs all tasks at the same time: done in about 1 second, not the sum of the delays")
    @Tag("core")
    @ResourceLock(value = CPU, mode = READ)
    void runsConcurrently() {
        TASK_WAIT_N.runsConcurrently();
    }

    @Test
    @Order(5)
    @DisplayName("taskWaitN(1000, 1) gives its delays in the order the tasks complete: ascending")
    @Tag("core")
    @ResourceLock(value = CPU, mode = READ)
    void givesCompletionOrder() {
        TASK_WAIT_N.completesInOrder();
    }

    @Test
    @Order(4)
    @DisplayName("taskWaitN(1000, 1) completes once every task has finished, with 1000 delays in [0, 1]")
    @ResourceLock(value = CPU, mode = READ)
    void waitsForEveryTask() {
        TASK_WAIT_N.waitsForEveryWait();
    }

    @Test
    @Order(9)
    @DisplayName("taskWaitN(10000, 0) completes at once with 10000 zeros: no result is lost")
    @ResourceLock(CPU)
    void losesNoResult() {
        TASK_WAIT_N.losesNoResult();
    }

    @Test
    @Order(8)
    @DisplayName("taskWaitN(0, 1) returns an empty list")
    void ofZero() {
        TASK_WAIT_N.givesEmptyListForZero();
    }

    @Test
    @Order(1)
    @DisplayName("taskWaitN(-1, 1) throws IllegalArgumentException naming n and its value")
    void rejectsNegativeN() {
        TASK_WAIT_N.rejectsNegativeN();
    }

    @Test
    @Order(2)
    @DisplayName("taskWaitN(1, -1) and taskWaitN(0, -1) throw IllegalArgumentException naming maxDelay and its value")
    void rejectsNegativeMaxDelay() {
        TASK_WAIT_N.rejectsNegativeMaxDelay();
    }

    @Test
    @Order(10)
    @DisplayName("taskWaitN does not sort: TaskWaitN uses no sort method and no sorted collection")
    void doesNotSort() {
        TASK_WAIT_N.doesNotSort(TaskWaitN.class);
    }

    @Test
    @Order(6)
    @DisplayName("taskWaitN is built from Tasks.taskWaitRandom and ConcurrentCoroutines.inCompletionOrder")
    void isBuiltFromTasks() {
        TASK_WAIT_N.completesSmallCall();
        var code = StudentCode.of(TaskWaitN.class);
        assertThat(code.calls(Tasks.class, "taskWaitRandom"))
                .withFailMessage("TaskWaitN never calls Tasks.taskWaitRandom: start each wait as a task with"
                        + " taskWaitRandom(maxDelay) from Task 3, not with waitRandom or waitN")
                .isTrue();
        assertThat(code.calls(ConcurrentCoroutines.class, "inCompletionOrder"))
                .withFailMessage("TaskWaitN never calls ConcurrentCoroutines.inCompletionOrder: collect the tasks'"
                        + " results with Task 1's inCompletionOrder instead of writing that again")
                .isTrue();
    }

    @Test
    @Order(11)
    @DisplayName("TaskWaitN uses only the APIs a workbook task may use")
    void usesOnlyAllowedApis() {
        // The check reads the compiled class; a call first makes sure it reads code that runs.
        TaskWaitN.taskWaitN(1, 0).join();
        StudentCode.of(TaskWaitN.class).assertOnlyAllowedApis();
    }
}
