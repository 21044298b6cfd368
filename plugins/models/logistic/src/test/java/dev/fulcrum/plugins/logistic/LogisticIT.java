package dev.fulcrum.plugins.logistic;

import dev.fulcrum.core.host.Family;
import dev.fulcrum.testkit.PluginContract;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

class LogisticIT extends PluginContract {

    @Override
    protected String pluginId() {
        return "logistic";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.MODEL, List.of("logistic"));
    }

    /** The source rule x1 > 0 is linear, so a logistic model learns it almost perfectly. */
    @Test
    void learnsALinearRule() {
        double accuracy = host().runSucceeding("""
                name: logistic
                seed: 2
                data:
                  specific: {type: gaussian-domains}
                model: {type: logistic, l2: 0.001}
                strategy: {type: supervised, epochs: 20, learning-rate: 0.05}
                """).domainMetric("source", "test", "specific", "accuracy");
        assertTrue(accuracy > 0.95, "source test accuracy " + accuracy);
    }
}
