package dev.fulcrum.math.ensemble;

import dev.fulcrum.api.Experimental;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The weighted mean of the members' probabilities; with equal weights, soft voting (the mean
 * probability per class).
 */
@Experimental
public final class WeightedVote implements Combiner {

    private final double[] weights;

    /** @param weights one non-negative weight per member, summing to a positive number; they are scaled to sum to 1 */
    public WeightedVote(double[] weights) {
        double sum = 0;
        for (double weight : weights) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("member weights must be finite and non-negative, got " + Arrays.toString(weights));
            }
            sum += weight;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("at least one member weight must be positive, got " + Arrays.toString(weights));
        }
        this.weights = new double[weights.length];
        for (int m = 0; m < weights.length; m++) {
            this.weights[m] = weights[m] / sum;
        }
    }

    /** Soft voting: every member weighs the same. */
    public static WeightedVote soft(int members) {
        double[] equal = new double[members];
        Arrays.fill(equal, 1.0);
        return new WeightedVote(equal);
    }

    /** The weights, scaled to sum to 1. */
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public float[][] combine(List<float[][]> members) {
        int[] shape = Combiner.shape(members);
        if (members.size() != weights.length) {
            throw new IllegalArgumentException(weights.length + " weights for " + members.size() + " members");
        }
        float[][] combined = new float[shape[0]][shape[1]];
        for (int i = 0; i < shape[0]; i++) {
            for (int c = 0; c < shape[1]; c++) {
                double sum = 0;
                for (int m = 0; m < weights.length; m++) {
                    sum += weights[m] * members.get(m)[i][c];
                }
                combined[i][c] = (float) sum;
            }
        }
        return combined;
    }

    @Override
    public Map<String, Object> state() {
        return Map.of("weights", Arrays.stream(weights).boxed().toList());
    }
}
