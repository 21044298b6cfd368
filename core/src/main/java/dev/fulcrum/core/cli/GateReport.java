package dev.fulcrum.core.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintWriter;

/** Tells the user which policy gates failed, and by how much. */
final class GateReport {

    private GateReport() {
    }

    /** @param gates the {@code gates} list of a summary or an audit */
    static void failed(JsonNode gates, PrintWriter err) {
        long failed = 0;
        for (JsonNode gate : gates) {
            if (!gate.path("passed").asBoolean()) {
                failed++;
            }
        }
        err.println("error: " + failed + " policy gate" + (failed == 1 ? "" : "s") + " failed (exit code "
                + ExitCodes.GATE_FAILED + "):");
        for (JsonNode gate : gates) {
            if (!gate.path("passed").asBoolean()) {
                err.println("  " + gate.path("gate").asText() + " [" + gate.path("scope").asText() + "]: "
                        + gate.path("detail").asText());
            }
        }
        err.flush();
    }
}
