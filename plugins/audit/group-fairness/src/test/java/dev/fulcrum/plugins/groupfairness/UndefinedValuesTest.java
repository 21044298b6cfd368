package dev.fulcrum.plugins.groupfairness;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.fulcrum.plugins.groupfairness.AuditFixtures.at;
import static dev.fulcrum.plugins.groupfairness.AuditFixtures.attribute;
import static dev.fulcrum.plugins.groupfairness.AuditFixtures.ints;
import static dev.fulcrum.plugins.groupfairness.AuditFixtures.number;
import static dev.fulcrum.plugins.groupfairness.AuditFixtures.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A zero denominator gives null with a reason, never a crash, NaN or a silent 0. */
class UndefinedValuesTest {

    /** Group n has no positive labels and is never selected; group p is the privileged one. */
    private final Map<String, Object> results = new GroupFairnessAuditor(
            AuditFixtures.params(Map.of("g", "n"), 200, List.of()), 3)
            .audit(AuditFixtures.binary(ints("0 0 0 1 0 1"), ints("0 0 0 1 1 0"), attribute("g", strings("n n n p p p"))))
            .results();

    @Test
    void aGroupWithoutPositiveLabelsHasNoTruePositiveRate() {
        assertNull(at(results, "groupings", "g", "groups", "n", "tpr"));
        assertNull(at(results, "groupings", "g", "groups", "n", "ppv"));
        assertEquals("no rows with the positive label (TP + FN = 0)", at(results, "groupings", "g", "groups", "n", "undefined", "tpr"));
        assertEquals("no positive predictions (TP + FP = 0)", at(results, "groupings", "g", "groups", "n", "undefined", "ppv"));
        assertEquals(0.0, number(results, "groupings", "g", "groups", "n", "selection_rate"));
    }

    @Test
    void disparitiesLeaveUndefinedGroupsOutAndSaySo() {
        assertNull(at(results, "groupings", "g", "disparities", "tpr", "difference"));
        assertEquals("tpr is defined for fewer than two groups", at(results, "groupings", "g", "disparities", "tpr", "undefined", "difference"));
        assertEquals("no rows with the positive label (TP + FN = 0)", at(results, "groupings", "g", "disparities", "tpr", "excluded_groups", "n"));
    }

    @Test
    void aZeroPrivilegedSelectionRateLeavesDisparateImpactUndefined() {
        assertNull(at(results, "groupings", "g", "headline", "disparate_impact", "value"));
        assertEquals("the privileged group's selection rate is 0",
                at(results, "groupings", "g", "headline", "disparate_impact", "undefined", "value"));
        assertEquals(2.0 / 3, number(results, "groupings", "g", "headline", "statistical_parity_difference", "value"), 1e-12);
    }

    @Test
    void theTableShowsNotAvailableWithTheReason() {
        String table = new GroupFairnessAuditor(AuditFixtures.params(Map.of("g", "n"), 0, List.of()), 3)
                .audit(AuditFixtures.binary(ints("0 0 0 1 0 1"), ints("0 0 0 1 1 0"), attribute("g", strings("n n n p p p"))))
                .table();
        assertTrue(table.contains("n/a"), table);
        assertTrue(table.contains("n TPR: no rows with the positive label (TP + FN = 0)"), table);
        assertTrue(table.contains("disparate_impact: the privileged group's selection rate is 0"), table);
    }

    @Test
    void aRatioOfTwoZerosIsUndefinedNotOne() {
        Map<String, Object> none = new GroupFairnessAuditor(AuditFixtures.params(Map.of(), 0, List.of()), 3)
                .audit(AuditFixtures.binary(ints("0 1 0 1"), ints("0 0 0 0"), attribute("g", strings("a a b b")))).results();
        assertEquals(0.0, number(none, "groupings", "g", "headline", "demographic_parity_difference", "value"));
        assertNull(at(none, "groupings", "g", "headline", "demographic_parity_ratio", "value"));
        assertTrue(at(none, "groupings", "g", "headline", "demographic_parity_ratio", "undefined", "value").toString()
                .contains("0 / 0"));
    }
}
