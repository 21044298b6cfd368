package dev.fulcrum.core.pipeline;

/** How a run ended; each status has the launcher's exit code. */
public enum RunStatus {
    SUCCEEDED(0, "succeeded"),
    /** Training or reporting broke. */
    FAILED(1, "failed"),
    /** The run stopped at bad input: data, config that only shows at run time. */
    INVALID_INPUT(2, "failed"),
    /** The run finished and saved its model, but a policy gate of the bias audit failed. */
    GATE_FAILED(3, "gate_failed"),
    /**
     * A trial of a study that its pruner stopped after an epoch: it ended by design, early, without a
     * model. Only {@code fulcrum tune} runs trials, so no launcher command exits with this status.
     */
    PRUNED(0, "pruned");

    private final int exitCode;
    private final String label;

    RunStatus(int exitCode, String label) {
        this.exitCode = exitCode;
        this.label = label;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The status as written in {@code summary.json}. */
    public String label() {
        return label;
    }
}
