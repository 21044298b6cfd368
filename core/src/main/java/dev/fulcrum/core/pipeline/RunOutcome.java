package dev.fulcrum.core.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;

/**
 * How a run ended.
 *
 * @param summary the content of {@code summary.json}
 */
public record RunOutcome(RunStatus status, Path folder, ObjectNode summary) {

    /** The error message of a failed run, else {@code null}. */
    public String errorMessage() {
        return summary.path("error").path("message").asText(null);
    }
}
