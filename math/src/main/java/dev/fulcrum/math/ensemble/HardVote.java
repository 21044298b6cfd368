package dev.fulcrum.math.ensemble;

import dev.fulcrum.api.Experimental;

import java.util.List;
import java.util.Map;

/**
 * Majority voting: each member votes for its most probable class (the first of its highest, as an
 * argmax gives), and a row's probability of a class is the share of the votes it got. A tie thus
 * goes to the lowest class index when the result's argmax is taken.
 */
@Experimental
public final class HardVote implements Combiner {

    @Override
    public float[][] combine(List<float[][]> members) {
        int[] shape = Combiner.shape(members);
        float[][] shares = new float[shape[0]][shape[1]];
        float vote = 1.0f / members.size();
        for (float[][] member : members) {
            for (int i = 0; i < shape[0]; i++) {
                float[] p = member[i];
                int top = 0;
                for (int c = 1; c < p.length; c++) {
                    if (p[c] > p[top]) {
                        top = c;
                    }
                }
                shares[i][top] += vote;
            }
        }
        return shares;
    }

    @Override
    public Map<String, Object> state() {
        return Map.of();
    }
}
