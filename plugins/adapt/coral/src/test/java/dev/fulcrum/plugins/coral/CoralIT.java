package dev.fulcrum.plugins.coral;

import dev.fulcrum.core.host.Family;
import dev.fulcrum.testkit.PluginContract;
import dev.fulcrum.testkit.RunRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoralIT extends PluginContract {

    @Override
    protected String pluginId() {
        return "coral";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.ADAPT, List.of("coral"));
    }

    private static final String PIPELINE = """
            name: coral-synthetic
            seed: 4
            data:
              specific: {type: synthetic, rows: 1500, features: 6, target-share: 0.5, shift: 1.5}
            adapt:
              - {type: coral, regularizer: 0.001}
            model: {type: mlp, hidden: [16]}
            strategy: {type: supervised, epochs: 3}
            """;

    @Test
    void runsInAPipelineAndReportsTheGapItCloses() {
        RunRecord run = host().runSucceeding(PIPELINE);
        assertTrue(run.summary().path("metrics_by_domain").has("target"), run.summary().toString());
        double before = run.gap("before", "covariance_distance");
        double after = run.gap("after", "covariance_distance");
        assertTrue(after < before / 5, "covariance distance before " + before + ", after " + after);
    }

    /**
     * ADAPT's CORAL protocol as the example runs it: the covariance distance between the domains
     * falls to under a tenth (scikit-learn with ADAPT: from about 0.26 to under 0.01).
     */
    @Test
    void coralRotationExampleClosesTheCovarianceGap() throws IOException {
        Path example = Path.of(System.getProperty("user.dir"), "../../../examples/coral-rotation.yaml").normalize();
        // The gap is measured before training, so a short training keeps the test quick.
        RunRecord run = host().runSucceeding(Files.readString(example), "strategy.epochs=2");
        double before = run.gap("before", "covariance_distance");
        double after = run.gap("after", "covariance_distance");
        assertEquals(0.26, before, 0.03, run.summary().path("domain_gap").toString());
        assertTrue(after < before / 10, "covariance distance before " + before + ", after " + after);
    }

    @Test
    void dataWithoutTargetRowsIsBadInput() {
        String error = host().runInvalid(PIPELINE, "data.specific.target-share=0").errorMessage();
        assertTrue(error.startsWith("coral: the data has no target"), error);
    }
}
