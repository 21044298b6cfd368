package dev.fulcrum.plugins.groupfairness;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.fulcrum.plugins.groupfairness.AuditFixtures.at;
import static dev.fulcrum.plugins.groupfairness.AuditFixtures.ints;
import static dev.fulcrum.plugins.groupfairness.AuditFixtures.number;
import static dev.fulcrum.plugins.groupfairness.AuditFixtures.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class IntersectionalGroupsTest {

    private static final int[] LABELS = ints("1 0 1 1 0 0 1 0 1 1");
    private static final int[] PREDICTIONS = ints("1 0 0 1 1 0 1 1 0 1");
    private static final String[] SEX = strings("f f f f m m m m m m");
    private static final String[] RACE = strings("x y x y x y x y x x");

    private static Map<String, String[]> sensitive() {
        Map<String, String[]> sensitive = new LinkedHashMap<>();
        sensitive.put("sex", SEX);
        sensitive.put("race", RACE);
        return sensitive;
    }

    private static Map<String, Object> audit(Map<String, String> privileged) {
        return new GroupFairnessAuditor(AuditFixtures.params(privileged, 0, List.of()), 1)
                .audit(AuditFixtures.binary(LABELS, PREDICTIONS, sensitive())).results();
    }

    @Test
    void eachAttributeAloneAndEveryObservedCombination() {
        Map<String, Object> results = audit(Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> groupings = (Map<String, Object>) at(results, "groupings");
        assertEquals(List.of("sex", "race", "sex & race"), List.copyOf(groupings.keySet()));
        @SuppressWarnings("unchecked")
        Map<String, Object> combined = (Map<String, Object>) at(results, "groupings", "sex & race", "groups");
        assertEquals(List.of("f & x", "f & y", "m & x", "m & y"), List.copyOf(combined.keySet()));
        assertEquals(Map.of("sex", "m", "race", "x"), at(results, "groupings", "sex & race", "groups", "m & x", "values"));
        assertEquals(4, number(results, "groupings", "sex & race", "groups", "m & x", "count"));
        // m & x rows: labels 0 1 1 1, predictions 1 1 0 1 -> selection 3/4, TPR 2/3
        assertEquals(0.75, number(results, "groupings", "sex & race", "groups", "m & x", "selection_rate"), 1e-12);
        assertEquals(2.0 / 3, number(results, "groupings", "sex & race", "groups", "m & x", "tpr"), 1e-12);
    }

    @Test
    void marginalGroupsAreTheUnionsOfTheirCombinations() {
        Map<String, Object> results = audit(Map.of());
        assertEquals(6, number(results, "groupings", "sex", "groups", "m", "count"));
        // m rows: labels 0 0 1 0 1 1, predictions 1 0 1 1 0 1 -> selection 4/6
        assertEquals(4.0 / 6, number(results, "groupings", "sex", "groups", "m", "selection_rate"), 1e-12);
        assertEquals(6, number(results, "groupings", "race", "groups", "x", "count"));
    }

    @Test
    void aPrivilegedGroupForEveryAttributeNamesAPrivilegedCombination() {
        Map<String, Object> results = audit(Map.of("sex", "m", "race", "x"));
        assertEquals("m", at(results, "groupings", "sex", "privileged"));
        assertEquals("x", at(results, "groupings", "race", "privileged"));
        assertEquals("m & x", at(results, "groupings", "sex & race", "privileged"));
        // unprivileged: the 6 other rows, predictions 1 0 0 1 0 1 -> selection 3/6; privileged m & x: 3/4
        assertEquals(0.5 / 0.75, number(results, "groupings", "sex & race", "headline", "disparate_impact", "value"), 1e-12);
    }

    @Test
    void aPrivilegedValueForOneAttributeLeavesTheCombinationsWithoutReference() {
        Map<String, Object> results = audit(Map.of("sex", "m"));
        assertEquals("m", at(results, "groupings", "sex", "privileged"));
        assertNull(at(results, "groupings", "race", "privileged"));
        assertNull(at(results, "groupings", "sex & race", "versus_privileged"));
    }
}
