package dev.fulcrum.core.cli;

/** The launcher's exit codes. */
public final class ExitCodes {

    public static final int OK = 0;
    /** A run started but failed (training broke, a reporter failed). */
    public static final int RUN_FAILED = 1;
    /** Bad input: config, data, arguments. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
