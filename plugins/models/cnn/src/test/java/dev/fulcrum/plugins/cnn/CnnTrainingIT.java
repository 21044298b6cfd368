package dev.fulcrum.plugins.cnn;

import dev.fulcrum.core.pipeline.RunOutcome;
import dev.fulcrum.core.pipeline.RunStatus;
import dev.fulcrum.testkit.IdxImages;
import dev.fulcrum.testkit.TestHost;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CnnTrainingIT {

    @Test
    void learnsGeneratedImagesAndSavesItsNamedTrunk() throws Exception {
        try (TestHost host = TestHost.forBuiltPlugin()) {
            IdxImages.Files train = IdxImages.write(host.root(), "train", 600, 12, 4, 1, true);
            RunOutcome outcome = host.run("""
                    name: cnn
                    data:
                      specific: {type: idx, images: %s, labels: %s}
                    model: {type: cnn, filters: [4, 8], kernel: 3, dense: [16], dropout: 0.1}
                    strategy: {type: supervised, epochs: 10, batch-size: 32, learning-rate: 0.01, early-stopping: {patience: 10}}
                    """.formatted(train.images(), train.labels()));
            assertEquals(RunStatus.SUCCEEDED, outcome.status(), outcome.errorMessage());
            double accuracy = outcome.summary().path("balance").path("specific").asDouble();
            assertTrue(accuracy > 0.9, "4 classes of bars: " + accuracy);
            String model = Files.readString(outcome.folder().resolve("summary.json"));
            assertTrue(model.contains("\"model\" : \"cnn\""), model);
            assertTrue(host.progress().contains("trunk [conv-1, conv-2, dense-1]"), host.progress());
        }
    }
}
