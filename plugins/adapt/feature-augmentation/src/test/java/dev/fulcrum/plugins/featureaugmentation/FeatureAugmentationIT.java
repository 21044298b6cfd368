package dev.fulcrum.plugins.featureaugmentation;

import dev.fulcrum.core.host.Family;
import dev.fulcrum.testkit.PluginContract;
import dev.fulcrum.testkit.RunRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureAugmentationIT extends PluginContract {

    @Override
    protected String pluginId() {
        return "feature-augmentation";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.ADAPT, List.of("feature-augmentation"));
    }

    private static final String PIPELINE = """
            name: feature-augmentation
            seed: 6
            data:
              specific: {type: synthetic, rows: 1500, features: 6, target-share: 0.5}
            split: {target-labelled: 0.2}
            adapt:
              - {type: feature-augmentation}
            model: {type: mlp, hidden: [16]}
            strategy: {type: supervised, epochs: 3}
            """;

    @Test
    void triplesTheFeaturesWithSomeTargetLabels() {
        assertEquals(18, host().runSucceeding(PIPELINE).number("data", "features"));
    }

    /**
     * Half of the rule is shared: the source is positive where x0 + x1 > 0, the target where
     * x0 - x1 > 0, and 10 % of the target's labels are known. A linear model on the plain features
     * must settle for one rule (target accuracy near 0.5); on [x, x_source, x_target] it learns the
     * shared x0 from every row and each domain's x1 from that domain's rows.
     */
    private static final String SHARED_HALF_RULE = """
            name: feature-augmentation-shared-half
            seed: 1
            data:
              specific:
                type: gaussian-domains
                source: {rows: 1000, mean: [0, 0], covariance: [[1, 0], [0, 1]], label-weights: [1, 1]}
                target: {rows: 1000, mean: [0, 0], covariance: [[1, 0], [0, 1]], label-weights: [1, -1]}
            split: {validation: 0.1, test: 0.3, target-labelled: 0.1}
            adapt: [{type: feature-augmentation}]
            model: {type: logistic, l2: 0.0017}
            strategy: {type: supervised, epochs: 40, learning-rate: 0.05}
            """;

    @Test
    void learnsTheSharedAndTheDomainSpecificPartsOfTheRule() {
        RunRecord augmented = host().runSucceeding(SHARED_HALF_RULE);
        RunRecord plain = host().runSucceeding(SHARED_HALF_RULE, "adapt=[]");
        double before = plain.domainMetric("target", "test", "specific", "accuracy");
        double after = augmented.domainMetric("target", "test", "specific", "accuracy");
        assertTrue(before < 0.65 && after > 0.85, "target accuracy without " + before + ", with feature augmentation " + after);
    }

    @Test
    void withoutTargetLabelsSaysWhatToSet() {
        String error = host().runInvalid(PIPELINE, "split.target-labelled=0").errorMessage();
        assertTrue(error.contains("split.target-labelled"), error);
    }
}
