package dev.fulcrum.core.tune;

/**
 * Why a worker stopped, with the exit code of the process it ran in.
 *
 * @param message for the user, or {@code null} when the study simply ran its budget
 */
public record WorkerEnd(int exitCode, String message) {

    static final int BUDGET_SPENT = 0;
    static final int STUDY_FAILED = 1;
    static final int BAD_INPUT = 2;

    static WorkerEnd budgetSpent(String message) {
        return new WorkerEnd(BUDGET_SPENT, message);
    }
}
