package dev.fulcrum.plugins.gaussiandomains;

import dev.fulcrum.core.host.Family;
import dev.fulcrum.core.pipeline.RunOutcome;
import dev.fulcrum.core.pipeline.RunStatus;
import dev.fulcrum.testkit.PluginContract;
import dev.fulcrum.testkit.TestHost;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GaussianDomainsIT extends PluginContract {

    @Override
    protected String pluginId() {
        return "gaussian-domains";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.DATA, List.of("gaussian-domains"));
    }

    @Test
    void feedsAPipelineWithATargetDomainWhoseLabelsAreHidden() {
        try (TestHost host = TestHost.forBuiltPlugin()) {
            RunOutcome outcome = host.run("""
                    name: gaussian-domains
                    data:
                      specific: {type: gaussian-domains}
                    model: {type: mlp, hidden: [8]}
                    strategy: {type: supervised, epochs: 2}
                    """);
            assertEquals(RunStatus.SUCCEEDED, outcome.status(), outcome.errorMessage());
            var data = outcome.summary().path("data");
            assertEquals(2000, data.path("rows").asInt());
            assertEquals(List.of("source", "target"), List.of(data.path("domains").get(0).asText(), data.path("domains").get(1).asText()));
            assertTrue(outcome.summary().path("domain_gap").path("before").path("covariance_distance").asDouble() > 0.15,
                    outcome.summary().path("domain_gap").toString());
            assertEquals(outcome.summary().path("domain_gap").path("before"), outcome.summary().path("domain_gap").path("after"));
        }
    }

    @Test
    void aBadCovarianceIsReportedWithItsPlace() {
        try (TestHost host = TestHost.forBuiltPlugin()) {
            var error = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> host.validate("""
                    data:
                      specific:
                        type: gaussian-domains
                        target: {covariance: [[1, 2], [2, 1]]}
                    model: {type: mlp}
                    strategy: {type: supervised}
                    """));
            assertTrue(error.getMessage().contains("data.specific.target.covariance: must be positive semi-definite"), error.getMessage());
        }
    }
}
