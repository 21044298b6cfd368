package dev.fulcrum.plugins.idx;

import dev.fulcrum.testkit.IdxImages;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.SharedHostTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shifted-idx source in real pipelines (the plugin contract, for both sources, is {@link IdxIT}'s). */
class ShiftedIdxIT extends SharedHostTest {

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
        Path folder = host().root().resolve("idx");
        IdxImages.write(folder, "source", 400, SIDE, 4, 1, true);
        IdxImages.write(folder, "target", 200, SIDE, 4, 2, false);
        RunRecord plain = host().runSucceeding(pipeline(folder));
        RunRecord inverted = host().runSucceeding(pipeline(folder), "data.specific.shift=invert");
        assertEquals(600, plain.number("data", "rows"));
        assertEquals(SIDE * SIDE, plain.number("data", "features"));
        assertTrue(targetAccuracy(plain) > 0.95, "unshifted target: " + targetAccuracy(plain));
        assertTrue(targetAccuracy(inverted) < 0.5, "inverted target: " + targetAccuracy(inverted));
        double gap = inverted.gap("before", "mmd_linear");
        assertTrue(gap > 1, "inverted target's mmd_linear: " + gap);
    }

    @Test
    void aMissingFileIsBadInputNamingIt() {
        String error = host().runInvalid(pipeline(host().root().resolve("nowhere"))).errorMessage();
        assertTrue(error.contains("source-images-idx3-ubyte.gz: no such file"), error);
    }

    private static double targetAccuracy(RunRecord run) {
        return run.domainMetric("target", "test", "specific", "accuracy");
    }
}
