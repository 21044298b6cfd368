package dev.fulcrum.plugins.coral;

import dev.fulcrum.core.host.Family;
import dev.fulcrum.core.pipeline.RunOutcome;
import dev.fulcrum.core.pipeline.RunStatus;
import dev.fulcrum.testkit.PluginContract;
import dev.fulcrum.testkit.TestHost;
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
        try (TestHost host = TestHost.forBuiltPlugin()) {
            RunOutcome outcome = host.run(PIPELINE);
            assertEquals(RunStatus.SUCCEEDED, outcome.status(), outcome.errorMessage());
            assertTrue(outcome.summary().path("metrics_by_domain").has("target"), outcome.summary().toString());
            var gap = outcome.summary().path("domain_gap");
            double before = gap.path("before").path("covariance_distance").asDouble();
            double after = gap.path("after").path("covariance_distance").asDouble();
            assertTrue(after < before / 5, "covariance distance before " + before + ", after " + after);
        }
    }

    /**
     * ADAPT's CORAL protocol as the example runs it: the covariance distance between the domains
     * falls to under a tenth (scikit-learn with ADAPT: from about 0.26 to under 0.01).
     */
    @Test
    void coralRotationExampleClosesTheCovarianceGap() throws IOException {
        Path example = Path.of(System.getProperty("user.dir"), "../../../examples/coral-rotation.yaml").normalize();
        try (TestHost host = TestHost.forBuiltPlugin()) {
            // The gap is measured before training, so a short training keeps the test quick.
            RunOutcome outcome = host.run(Files.readString(example), "strategy.epochs=2");
            assertEquals(RunStatus.SUCCEEDED, outcome.status(), outcome.errorMessage());
            var gap = outcome.summary().path("domain_gap");
            double before = gap.path("before").path("covariance_distance").asDouble();
            double after = gap.path("after").path("covariance_distance").asDouble();
            assertEquals(0.26, before, 0.03, gap.toString());
            assertTrue(after < before / 10, "covariance distance before " + before + ", after " + after);
        }
    }

    @Test
    void dataWithoutTargetRowsIsBadInput() {
        try (TestHost host = TestHost.forBuiltPlugin()) {
            RunOutcome outcome = host.run(PIPELINE, "data.specific.target-share=0");
            assertEquals(RunStatus.INVALID_INPUT, outcome.status());
            assertTrue(outcome.errorMessage().startsWith("coral: the data has no target"), outcome.errorMessage());
        }
    }
}
