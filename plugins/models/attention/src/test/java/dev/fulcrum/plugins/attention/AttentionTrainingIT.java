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
        // 8x8 images in 4x4 patches: 4 tokens of width 16, 2 heads of 8
        java.util.Map<String, Long> flops = new java.util.HashMap<>();
        run.summary().at("/resources/forward_flops_per_sample/layers").forEach(layer -> {
            assertTrue(!layer.get("kind").asText().equals("estimated"), layer.toString());
            flops.put(layer.get("layer").asText(), layer.get("flops").asLong());
        });
        assertEquals(2L * 4 * 4 * 1 * 16 * 4 + 16 * 4, flops.get("embed"), "the patch convolution");
        assertEquals(3L * 4 * 2 * 16 * 16 + 4 * 2 * 16 * 16 + 4L * 4 * 4 * 16, flops.get("attention-1"),
                "Q, K, V and output projections, scores and weighted sum");
        assertEquals(2L * 16 * 16 * 4 + 16 * 4, flops.get("ffn-1"), "the token-wise feed-forward convolution");
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
