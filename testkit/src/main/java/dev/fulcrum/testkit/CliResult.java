package dev.fulcrum.testkit;

/** What a launcher command printed, and its exit code. */
public record CliResult(int exitCode, String out, String err) {

    /** Both streams, for assertion messages. */
    public String all() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
