package dev.fulcrum.plugins.groupfairness;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.math.rows.Groups;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One way of grouping the rows: by a single attribute, or by several at once (intersectionally).
 * Its groups are unions of intersectional groups, so its counts are sums of their cells.
 *
 * @param groupValues       per group, its value of each of the grouping's attributes
 * @param ofIntersectional  per intersectional group, the group of this grouping it belongs to
 * @param privileged        the privileged group, or -1 when none is named for all the attributes
 */
record Grouping(String name, List<String> attributes, List<List<String>> groupValues, int[] ofIntersectional,
                int privileged) {

    int count() {
        return groupValues.size();
    }

    String groupName(int group) {
        return String.join(Groups.JOIN, groupValues.get(group));
    }

    boolean hasPrivileged() {
        return privileged >= 0;
    }

    /** The confusion counts of each group, from intersectional cell rows and weights. */
    Confusion[] confusions(long[] rows, double[] weight) {
        Confusion[] groups = new Confusion[count()];
        java.util.Arrays.fill(groups, Confusion.EMPTY);
        for (int g = 0; g < ofIntersectional.length; g++) {
            int target = ofIntersectional[g];
            groups[target] = groups[target].plus(CellCounts.confusion(rows, weight, g));
        }
        return groups;
    }

    /**
     * The grouping by a subset of the intersectional groups' attributes.
     *
     * @param privileged attribute to privileged value (may name attributes outside the subset)
     */
    static Grouping of(Groups intersectional, List<String> attributes, Map<String, String> privileged) {
        List<Integer> positions = attributes.stream().map(a -> intersectional.attributes().indexOf(a)).toList();
        TreeMap<List<String>, Integer> order = new TreeMap<>(Grouping::compare);
        List<List<String>> projected = new ArrayList<>();
        for (int g = 0; g < intersectional.count(); g++) {
            List<String> all = intersectional.values(g);
            List<String> values = positions.stream().map(all::get).toList();
            projected.add(values);
            order.put(values, 0);
        }
        List<List<String>> groupValues = new ArrayList<>(order.keySet());
        for (int g = 0; g < groupValues.size(); g++) {
            order.put(groupValues.get(g), g);
        }
        int[] ofIntersectional = projected.stream().mapToInt(order::get).toArray();
        return new Grouping(Groups.groupingName(attributes), List.copyOf(attributes), groupValues, ofIntersectional,
                privilegedGroup(attributes, privileged, order));
    }

    private static int privilegedGroup(List<String> attributes, Map<String, String> privileged,
                                       TreeMap<List<String>, Integer> order) {
        if (!privileged.keySet().containsAll(attributes)) {
            return -1;
        }
        List<String> values = attributes.stream().map(privileged::get).toList();
        Integer group = order.get(values);
        if (group == null) {
            throw new InvalidInputException("the privileged group " + String.join(Groups.JOIN, values) + " of "
                    + Groups.groupingName(attributes) + " has no rows; its groups are "
                    + order.keySet().stream().map(v -> String.join(Groups.JOIN, v)).toList());
        }
        return group;
    }

    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
