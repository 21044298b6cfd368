package dev.fulcrum.plugins.attention;

import dev.fulcrum.testkit.IdxImages;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.SharedHostTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttentionTrainingIT extends SharedHostTest {

    @Test
    void learnsGeneratedImagesFromPatches() {
        IdxImages.Files train = IdxImages.write(host().root(), "train", 480, 8, 4, 1, true);
        RunRecord run = host().runSucceeding("""
                name: attention-patches
                data:
                  specific: {type: idx, images: %s, labels: %s}
                model: {type: attention, patch: 4, width: 16, heads: 2, dense: [16]}
                strategy: {type: supervised, epochs: 8, batch-size: 32, early-stopping: {patience: 8}}
                """.formatted(train.images(), train.labels()));
        double accuracy = run.number("balance", "specific");
        assertTrue(accuracy > 0.8, "4 classes of bars: " + accuracy);
    }

    @Test
    void aFrozenAttentionTrunkLeavesTheGeneralTaskExactlyWhereItWas() {
        RunRecord run = host().runSucceeding("""
                name: attention-frozen
                seed: 2
                data:
                  specific: {type: synthetic, rows: 600, features: 6}
                model: {type: attention, width: 8, heads: 2, dense: [8]}
                strategy: {type: pretrain-finetune, pretrain-epochs: 2, epochs: 3, freeze: trunk, batch-size: 32}
                """);
        assertEquals(0.0, run.number("balance", "forgetting"), "the attention layers must not move: " + run.summary().path("balance"));
    }
}
