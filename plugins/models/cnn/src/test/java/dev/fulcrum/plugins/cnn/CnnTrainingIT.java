package dev.fulcrum.plugins.cnn;

import dev.fulcrum.testkit.IdxImages;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.SharedHostTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CnnTrainingIT extends SharedHostTest {

    @Test
    void learnsGeneratedImagesAndSavesItsNamedTrunk() {
        IdxImages.Files train = IdxImages.write(host().root(), "train", 600, 12, 4, 1, true);
        RunRecord run = host().runSucceeding("""
                name: cnn
                data:
                  specific: {type: idx, images: %s, labels: %s}
                model: {type: cnn, filters: [4, 8], kernel: 3, dense: [16], dropout: 0.1}
                strategy: {type: supervised, epochs: 10, batch-size: 32, learning-rate: 0.01, early-stopping: {patience: 10}}
                """.formatted(train.images(), train.labels()));
        double accuracy = run.number("balance", "specific");
        assertTrue(accuracy > 0.9, "4 classes of bars: " + accuracy);
        assertEquals("cnn", run.summary().path("training").path("model").asText(), run.summary().toPrettyString());
        assertTrue(host().progress().contains("trunk [conv-1, conv-2, dense-1]"), host().progress());
    }
}
