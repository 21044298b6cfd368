package dev.fulcrum.plugins.groupfairness;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.audit.AuditReport;
import dev.fulcrum.api.audit.GateResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.fulcrum.plugins.groupfairness.AuditFixtures.attribute;
import static dev.fulcrum.plugins.groupfairness.AuditFixtures.ints;
import static dev.fulcrum.plugins.groupfairness.AuditFixtures.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatesTest {

    /** Group a: 3 of 4 selected; group b: 1 of 4; disparate impact of b against a: 1/3. */
    private static AuditReport audit(List<GateParams> gates) {
        return new GroupFairnessAuditor(AuditFixtures.params(Map.of("g", "a"), 0, gates), 1).audit(AuditFixtures.binary(
                ints("1 1 0 0 1 1 0 0"), ints("1 1 1 0 1 0 0 0"), attribute("g", strings("a a a a b b b b"))));
    }

    @Test
    void theFourFifthsRuleFailsWithItsShortfall() {
        AuditReport report = audit(List.of(new GateParams("disparate_impact", null, 0.8, null)));
        GateResult gate = report.gates().get(0);
        assertFalse(report.gatesPassed());
        assertEquals("disparate_impact >= 0.8", gate.gate());
        assertEquals("g", gate.scope());
        assertEquals(1.0 / 3, gate.value(), 1e-12);
        assertEquals(1.0 / 3 - 0.8, gate.margin(), 1e-12);
        assertEquals("disparate_impact on g is 0.3333, below the minimum 0.8 by 0.4667", gate.detail());
        assertTrue(report.table().contains("FAIL  disparate_impact >= 0.8 [g]"), report.table());
    }

    @Test
    void twoSidedGatesGiveOneResultPerBound() {
        AuditReport report = audit(List.of(new GateParams("statistical_parity_difference", "g", -0.6, 0.1)));
        assertEquals(2, report.gates().size());
        assertTrue(report.gates().get(0).passed(), report.gates().get(0).detail());
        assertEquals(">=", report.gates().get(0).comparison());
        assertTrue(report.gates().get(1).passed(), report.gates().get(1).detail());
        assertEquals(0.1 - (-0.5), report.gates().get(1).margin(), 1e-12);
        assertTrue(report.gatesPassed());
    }

    @Test
    void maximumGatesOnAcrossGroupMetrics() {
        GateResult gate = audit(List.of(new GateParams("demographic_parity_difference", null, null, 0.2))).gates().get(0);
        assertFalse(gate.passed());
        assertEquals("demographic_parity_difference on g is 0.5, above the maximum 0.2 by 0.3", gate.detail());
    }

    @Test
    void anUndefinedValueFailsItsGate() {
        AuditReport report = new GroupFairnessAuditor(AuditFixtures.params(Map.of("g", "a"), 0,
                List.of(new GateParams("disparate_impact", null, 0.8, null))), 1)
                .audit(AuditFixtures.binary(ints("1 0 1 0"), ints("0 0 1 1"), attribute("g", strings("a a b b"))));
        GateResult gate = report.gates().get(0);
        assertFalse(gate.passed());
        assertNull(gate.value());
        assertEquals("disparate_impact on g is undefined: the privileged group's selection rate is 0", gate.detail());
    }

    @Test
    void overallMetricsAreGatedOnce() {
        List<GateResult> gates = audit(List.of(new GateParams("generalized_entropy_index", null, null, 1.0))).gates();
        assertEquals(1, gates.size());
        assertEquals("overall", gates.get(0).scope());
        assertTrue(gates.get(0).passed());
    }

    @Test
    void anUnknownGroupingIsBadInput() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> audit(List.of(new GateParams("disparate_impact", "race", 0.8, null))));
        assertEquals("gate on disparate_impact: no grouping \"race\"; the groupings are [g]", error.getMessage());
    }

    @Test
    void gateParamsAreCheckedWhenTheAuditorIsMade() {
        GroupFairnessFactory factory = new GroupFairnessFactory();
        InvalidParamsException unknown = assertThrows(InvalidParamsException.class, () -> factory.create(
                AuditFixtures.params(Map.of(), 0, List.of(new GateParams("disparate_impakt", null, 0.8, null))), null));
        assertEquals("gates.0.metric", unknown.field());
        assertTrue(unknown.problem().startsWith("unknown metric \"disparate_impakt\"; known: demographic_parity_difference"));
        InvalidParamsException noReference = assertThrows(InvalidParamsException.class, () -> factory.create(
                AuditFixtures.params(Map.of(), 0, List.of(new GateParams("disparate_impact", null, 0.8, null))), null));
        assertEquals("disparate_impact compares with a privileged group; name one with privileged: {attribute: value}",
                noReference.problem());
        InvalidParamsException noBound = assertThrows(InvalidParamsException.class, () -> new GateParams("tpr_ratio", null, null, null));
        assertEquals("min", noBound.field());
    }
}
