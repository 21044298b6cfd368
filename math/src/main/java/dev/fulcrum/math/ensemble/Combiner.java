package dev.fulcrum.math.ensemble;

import dev.fulcrum.api.Experimental;

import java.util.List;
import java.util.Map;

/**
 * Combines the class probabilities that several models gave the same rows into one set of
 * probabilities, as Tribuo's {@code EnsembleCombiner} combines its members' predictions. A combiner
 * is fitted once (on validation rows, where its rule learns anything) and then applied to any rows.
 */
@Experimental
public interface Combiner {

    /**
     * @param members one {@code [rows][classes]} array per member, all of the same rows and classes, in member order
     * @return {@code [rows][classes]}, each row summing to 1
     */
    float[][] combine(List<float[][]> members);

    /** What the rule learnt, for the run's summary (member weights, the meta-learner's settings); empty if nothing. */
    Map<String, Object> state();

    /** Checks that every member gives the same number of rows and classes; returns {@code [rows, classes]}. */
    static int[] shape(List<float[][]> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("no members to combine");
        }
        int rows = members.get(0).length;
        int classes = rows == 0 ? 0 : members.get(0)[0].length;
        for (int m = 0; m < members.size(); m++) {
            float[][] member = members.get(m);
            if (member.length != rows || (rows > 0 && member[0].length != classes)) {
                throw new IllegalArgumentException("member " + (m + 1) + " gives " + member.length + " rows of "
                        + (member.length == 0 ? 0 : member[0].length) + " classes; member 1 gives " + rows + " of " + classes);
            }
        }
        return new int[] {rows, classes};
    }
}
