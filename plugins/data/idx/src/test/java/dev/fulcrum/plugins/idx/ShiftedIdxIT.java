package dev.fulcrum.plugins.idx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.pipeline.RunOutcome;
import dev.fulcrum.core.pipeline.RunStatus;
import dev.fulcrum.testkit.IdxImages;
import dev.fulcrum.testkit.TestHost;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shifted-idx source in real pipelines (the plugin contract, for both sources, is {@link IdxIT}'s). */
class ShiftedIdxIT {

    private static final int SIDE = 8;

    private static String pipeline(Path folder) {
        return """
                name: shifted-idx
                seed: 2
                data:
                  specific:
                    type: shifted-idx
                    folder: %s
                    source-images: source-images-idx3-ubyte.gz
                    source-labels: source-labels-idx1-ubyte.gz
                    target-images: target-images-idx3-ubyte
                    target-labels: target-labels-idx1-ubyte
                    classes: [a, b, c, d]
                    shift: none
                model: {type: mlp, hidden: [16]}
                strategy: {type: supervised, epochs: 15, learning-rate: 0.01}
                """.formatted(folder);
    }

    /** Bar images: learnt on the source, recognised on an unshifted target, lost on an inverted one. */
    @Test
    void aTargetSeenThroughAShift() {
        try (TestHost host = TestHost.forBuiltPlugin()) {
            Path folder = host.root().resolve("idx");
            IdxImages.write(folder, "source", 400, SIDE, 4, 1, true);
            IdxImages.write(folder, "target", 200, SIDE, 4, 2, false);
            RunOutcome plain = host.run(pipeline(folder));
            RunOutcome inverted = host.run(pipeline(folder), "data.specific.shift=invert");
            assertEquals(RunStatus.SUCCEEDED, plain.status(), plain.errorMessage());
            assertEquals(RunStatus.SUCCEEDED, inverted.status(), inverted.errorMessage());
            assertEquals(600, plain.summary().path("data").path("rows").asInt());
            assertEquals(SIDE * SIDE, plain.summary().path("data").path("features").asInt());
            assertTrue(targetAccuracy(plain) > 0.95, "unshifted target: " + targetAccuracy(plain));
            assertTrue(targetAccuracy(inverted) < 0.5, "inverted target: " + targetAccuracy(inverted));
            double gap = inverted.summary().path("domain_gap").path("before").path("mmd_linear").asDouble();
            assertTrue(gap > 1, "inverted target's mmd_linear: " + gap);
        }
    }

    @Test
    void aMissingFileIsBadInputNamingIt() {
        try (TestHost host = TestHost.forBuiltPlugin()) {
            RunOutcome outcome = host.run(pipeline(host.root().resolve("nowhere")));
            assertEquals(RunStatus.INVALID_INPUT, outcome.status());
            assertTrue(outcome.errorMessage().contains("source-images-idx3-ubyte.gz: no such file"), outcome.errorMessage());
        }
    }

    private static double targetAccuracy(RunOutcome outcome) {
        JsonNode byDomain = outcome.summary().path("metrics_by_domain");
        return byDomain.path("target").path("test").path("specific").path("accuracy").asDouble();
    }
}
