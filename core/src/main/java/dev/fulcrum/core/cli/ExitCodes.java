package dev.fulcrum.core.cli;

/** The launcher's exit codes. */
public final class ExitCodes {

    public static final int OK = 0;
    /** A run started but failed (training broke, a reporter failed). */
    public static final int RUN_FAILED = 1;
    /** Bad input: config, data, arguments. */
    public static final int BAD_INPUT = 2;
    /**
     * The work finished (a run saved its model, an audit measured everything) but a policy gate of
     * the bias audit failed, e.g. disparate impact below 0.8.
     */
    public static final int GATE_FAILED = 3;

    private ExitCodes() {
    }
}
