package dev.fulcrum.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a launcher command printed, and its exit code. */
public record CliResult(int exitCode, String out, String err) {

    /** Both streams, for assertion messages. */
    public String all() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }

    /** Asserts the exit code, showing both streams where it differs; returns this result for further checks. */
    public CliResult assertExit(int expected) {
        assertEquals(expected, exitCode, this::all);
        return this;
    }

    /** Asserts that the standard output contains {@code text}. */
    public CliResult assertOutContains(String text) {
        assertTrue(out.contains(text), this::all);
        return this;
    }

    /** Asserts that the error output contains {@code text}. */
    public CliResult assertErrContains(String text) {
        assertTrue(err.contains(text), this::all);
        return this;
    }
}
