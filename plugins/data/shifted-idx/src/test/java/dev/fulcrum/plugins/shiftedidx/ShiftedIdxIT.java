package dev.fulcrum.plugins.shiftedidx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.core.pipeline.RunOutcome;
import dev.fulcrum.core.pipeline.RunStatus;
import dev.fulcrum.testkit.PluginContract;
import dev.fulcrum.testkit.TestHost;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShiftedIdxIT extends PluginContract {

    @Override
    protected String pluginId() {
        return "shifted-idx";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.DATA, List.of("shifted-idx"));
    }

    private static String pipeline(String folder) {
        return """
                name: shifted-idx
                seed: 2
                data:
                  specific:
                    type: shifted-idx
                    folder: %s
                    source-images: source-images.gz
                    source-labels: source-labels.gz
                    target-images: target-images
                    target-labels: target-labels
                    classes: [a, b, c, d]
                    shift: none
                model: {type: mlp, hidden: [16]}
                strategy: {type: supervised, epochs: 15, learning-rate: 0.01}
                """.formatted(folder);
    }

    /** Quadrant images: learnt on the source, recognised on an unshifted target, lost on an inverted one. */
    @Test
    void aTargetSeenThroughAShift() throws IOException {
        try (TestHost host = TestHost.forBuiltPlugin()) {
            java.nio.file.Path folder = java.nio.file.Files.createDirectories(host.root().resolve("idx"));
            IdxFixtures.writeSet(folder);
            RunOutcome plain = host.run(pipeline(folder.toString()));
            RunOutcome inverted = host.run(pipeline(folder.toString()), "data.specific.shift=invert");
            assertEquals(RunStatus.SUCCEEDED, plain.status(), plain.errorMessage());
            assertEquals(RunStatus.SUCCEEDED, inverted.status(), inverted.errorMessage());
            assertEquals(600, plain.summary().path("data").path("rows").asInt());
            assertEquals(16, plain.summary().path("data").path("features").asInt());
            assertTrue(targetAccuracy(plain) > 0.95, "unshifted target: " + targetAccuracy(plain));
            assertTrue(targetAccuracy(inverted) < 0.5, "inverted target: " + targetAccuracy(inverted));
            assertTrue(inverted.summary().path("domain_gap").path("before").path("mmd_linear").asDouble() > 1);
        }
    }

    @Test
    void aMissingFileIsBadInputNamingIt() {
        try (TestHost host = TestHost.forBuiltPlugin()) {
            RunOutcome outcome = host.run(pipeline(host.root().resolve("nowhere").toString()));
            assertEquals(RunStatus.INVALID_INPUT, outcome.status());
            assertTrue(outcome.errorMessage().contains("source-images.gz: no such file"), outcome.errorMessage());
        }
    }

    private static double targetAccuracy(RunOutcome outcome) {
        JsonNode byDomain = outcome.summary().path("metrics_by_domain");
        return byDomain.path("target").path("test").path("specific").path("accuracy").asDouble();
    }
}
