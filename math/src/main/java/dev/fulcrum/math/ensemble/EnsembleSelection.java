package dev.fulcrum.math.ensemble;

import dev.fulcrum.api.Experimental;
import dev.fulcrum.math.calibration.Calibration;

import java.util.List;

/**
 * Member weights fitted on labelled rows by ensemble selection with replacement (Caruana,
 * Niculescu-Mizil, Crew and Ksikes, "Ensemble selection from libraries of models", ICML 2004):
 * starting from no member, each round adds the member (again, if it is the best choice) whose
 * addition gives the mean of the chosen members' probabilities the lowest negative log-likelihood
 * on the rows; a member's weight is the share of rounds that chose it. The weights are thus
 * non-negative and sum to 1, and a member that only hurts gets none. Ties go to the lower member.
 */
@Experimental
public final class EnsembleSelection {

    /** Rounds per member: Caruana et al. found that a few times the library's size is enough for the weights to settle. */
    public static final int ROUNDS_PER_MEMBER = 10;

    private EnsembleSelection() {
    }

    /**
     * @param members one {@code [rows][classes]} array per member, for the same labelled rows
     * @param labels  the true class of each row
     * @param rounds  how many times a member is chosen; the weights are multiples of {@code 1 / rounds}
     */
    public static WeightedVote fit(List<float[][]> members, int[] labels, int rounds) {
        int[] shape = Combiner.shape(members);
        if (shape[0] != labels.length || labels.length == 0) {
            throw new IllegalArgumentException("need one label per row and at least one row, got " + labels.length
                    + " labels for " + shape[0] + " rows");
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("at least one round, got " + rounds);
        }
        int rows = shape[0];
        double[][] sum = new double[rows][shape[1]];
        double[] counts = new double[members.size()];
        for (int round = 1; round <= rounds; round++) {
            int best = 0;
            double bestLoss = Double.POSITIVE_INFINITY;
            for (int m = 0; m < members.size(); m++) {
                double loss = lossWith(sum, members.get(m), labels, round);
                if (loss < bestLoss) {
                    best = m;
                    bestLoss = loss;
                }
            }
            float[][] chosen = members.get(best);
            for (int i = 0; i < rows; i++) {
                for (int c = 0; c < shape[1]; c++) {
                    sum[i][c] += chosen[i][c];
                }
            }
            counts[best]++;
        }
        return new WeightedVote(counts);
    }

    /** The mean negative log-likelihood of {@code (sum + member) / chosen}. */
    private static double lossWith(double[][] sum, float[][] member, int[] labels, int chosen) {
        double loss = 0;
        for (int i = 0; i < labels.length; i++) {
            double p = (sum[i][labels[i]] + member[i][labels[i]]) / chosen;
            loss -= Math.log(Math.max(Calibration.EPSILON, p));
        }
        return loss / labels.length;
    }
}
