package dev.fulcrum.core.pipeline;

/** How a run ended; each status has the launcher's exit code. */
public enum RunStatus {
    SUCCEEDED(0),
    /** Training or reporting broke. */
    FAILED(1),
    /** The run stopped at bad input: data, config that only shows at run time. */
    INVALID_INPUT(2);

    private final int exitCode;

    RunStatus(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The status as written in {@code summary.json}. */
    public String label() {
        return this == SUCCEEDED ? "succeeded" : "failed";
    }
}
