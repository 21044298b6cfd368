package dev.fulcrum.plugins.gaussiandomains;

import dev.fulcrum.core.host.Family;
import dev.fulcrum.testkit.PluginContract;
import dev.fulcrum.testkit.RunRecord;
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
        RunRecord run = host().runSucceeding("""
                name: gaussian-domains
                data:
                  specific: {type: gaussian-domains}
                model: {type: mlp, hidden: [8]}
                strategy: {type: supervised, epochs: 2}
                """);
        var data = run.summary().path("data");
        assertEquals(2000, run.number("data", "rows"));
        assertEquals(List.of("source", "target"), List.of(data.path("domains").get(0).asText(), data.path("domains").get(1).asText()));
        var gap = run.summary().path("domain_gap");
        assertTrue(run.gap("before", "covariance_distance") > 0.15, gap.toString());
        assertEquals(gap.path("before"), gap.path("after"));
    }

    @Test
    void aBadCovarianceIsReportedWithItsPlace() {
        var error = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> host().validate("""
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
