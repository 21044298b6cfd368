package dev.fulcrum.math.rows;

import dev.fulcrum.api.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GroupsTest {

    private static final Map<String, String[]> SENSITIVE = Map.of(
            "sex", new String[] {"m", "f", "f", "m", "f"},
            "race", new String[] {"b", "a", "b", "b", "a"});

    @Test
    void intersectionalGroupsAreNumberedInTheSortedOrderOfTheirValues() {
        Groups groups = Groups.of(SENSITIVE, List.of("race", "sex"));
        assertEquals(3, groups.count());
        assertEquals(List.of("a & f", "b & f", "b & m"), List.of(groups.name(0), groups.name(1), groups.name(2)));
        assertEquals(List.of(2, 0, 1, 2, 0), Arrays.stream(groups.codes()).boxed().toList());
        assertEquals(1, groups.find(List.of("b", "f")));
        assertEquals(-1, groups.find(List.of("a", "m")));
        assertEquals("race & sex", Groups.groupingName(groups.attributes()));
    }

    /**
     * Three attributes of 200 values each make 8,000,000 possible combinations, past the lookup
     * table's limit, so rows are grouped by sorting; 40 values each stay under it. Both must number
     * the groups as sorting the rows' value lists does.
     */
    @Test
    void theTableAndTheSortGroupAlike() {
        for (int levels : new int[] {40, 200}) {
            SplittableRandom random = new SplittableRandom(levels);
            int rows = 600;
            List<String> attributes = List.of("x", "y", "z");
            Map<String, String[]> sensitive = new HashMap<>();
            for (String attribute : attributes) {
                String[] column = new String[rows];
                for (int row = 0; row < rows; row++) {
                    column[row] = String.format("%03d", random.nextInt(levels));
                }
                sensitive.put(attribute, column);
            }
            TreeSet<String> sorted = new TreeSet<>();
            List<String> keys = new ArrayList<>();
            for (int row = 0; row < rows; row++) {
                String key = sensitive.get("x")[row] + " & " + sensitive.get("y")[row] + " & " + sensitive.get("z")[row];
                keys.add(key);
                sorted.add(key);
            }
            List<String> order = List.copyOf(sorted);
            Groups groups = Groups.of(sensitive, attributes);
            assertEquals(order.size(), groups.count(), "levels " + levels);
            for (int row = 0; row < rows; row++) {
                assertEquals(order.indexOf(keys.get(row)), groups.code(row), "levels " + levels + ", row " + row);
                assertEquals(keys.get(row), groups.name(groups.code(row)), "levels " + levels + ", row " + row);
            }
        }
    }

    @Test
    void anUnknownAttributeOrAMissingValueIsNamed() {
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> Groups.of(SENSITIVE, List.of("age")));
        assertEquals("no sensitive attribute \"age\"; the rows have " + SENSITIVE.keySet(), unknown.getMessage());
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> Groups.of(Map.of("sex", new String[] {"m", null}), List.of("sex")));
        assertEquals("sensitive attribute \"sex\" has no value in row 2", missing.getMessage());
    }
}
