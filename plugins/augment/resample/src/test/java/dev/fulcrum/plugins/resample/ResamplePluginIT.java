package dev.fulcrum.plugins.resample;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.testkit.ImbalancedBlobs;
import dev.fulcrum.testkit.PluginContract;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.SavedModelCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ResamplePluginIT extends PluginContract {

    private static final String PIPELINE = """
            name: resample-it
            seed: 1
            data:
              specific: {type: csv, path: %s, label: label, classes: [common, rare]}
            augment: %s
            model: {type: mlp, hidden: [16]}
            strategy: {type: supervised, epochs: 6, batch-size: 64, learning-rate: 0.003}
            """;

    @Override
    protected String pluginId() {
        return "resample";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.AUGMENT, List.of("class-balance", "smote"));
    }

    /** With 5 % rare rows, a plain model finds few of them; SMOTE's rows teach it to find more. */
    @Test
    void smoteRaisesTheRecallOfTheRareClass(@TempDir Path folder) {
        Path train = ImbalancedBlobs.writeCsv(ImbalancedBlobs.generate(1000, 0.05, 1.5, 4, 1), folder.resolve("train.csv"));
        Dataset unseen = ImbalancedBlobs.generate(4000, 0.05, 1.5, 4, 2);
        RunRecord plain = host().runSucceeding(PIPELINE.formatted(train, "[]"));
        RunRecord smote = host().runSucceeding(PIPELINE.formatted(train, "[{type: smote, k: 5}]"));
        double before = SavedModelCheck.recall(host(), plain, unseen, ImbalancedBlobs.TASK, ImbalancedBlobs.RARE);
        double after = SavedModelCheck.recall(host(), smote, unseen, ImbalancedBlobs.TASK, ImbalancedBlobs.RARE);
        assertTrue(after > before + 0.3, "rare-class recall without smote " + before + ", with smote " + after);
    }
}
