package dev.fulcrum.math.ensemble;

import dev.fulcrum.api.Experimental;
import dev.fulcrum.math.calibration.Calibration;
import dev.fulcrum.math.classify.SoftmaxRegression;

import java.util.List;
import java.util.Map;

/**
 * Stacked generalisation (Wolpert, "Stacked generalization", Neural Networks 5, 1992): a multinomial
 * logistic meta-learner maps the members' outputs for a row to its class probabilities. It is
 * fitted on rows no member trained on (out-of-fold for every member), here the validation rows.
 * Its inputs are the members' log-probabilities (clipped at {@value Calibration#EPSILON}), so it can
 * reproduce any one member and any weighted geometric mean of them.
 */
@Experimental
public final class Stacking implements Combiner {

    /** Inverse regularisation strength, scikit-learn's default {@code C}. */
    public static final double C = 1.0;
    /** FISTA steps; the meta-learner has few columns (members times classes), so they are cheap. */
    public static final int ITERATIONS = 500;

    private final SoftmaxRegression metaLearner;
    private final int members;

    private Stacking(SoftmaxRegression metaLearner, int members) {
        this.metaLearner = metaLearner;
        this.members = members;
    }

    /**
     * @param members one {@code [rows][classes]} array per member, for labelled rows no member trained on
     * @param labels  the true class of each row
     */
    public static Stacking fit(List<float[][]> members, int[] labels) {
        int[] shape = Combiner.shape(members);
        return new Stacking(SoftmaxRegression.fit(features(members, shape), labels, shape[1], C, ITERATIONS), members.size());
    }

    @Override
    public float[][] combine(List<float[][]> members) {
        if (members.size() != this.members) {
            throw new IllegalArgumentException("fitted on " + this.members + " members, given " + members.size());
        }
        double[][] p = metaLearner.probabilities(features(members, Combiner.shape(members)));
        float[][] combined = new float[p.length][];
        for (int i = 0; i < p.length; i++) {
            combined[i] = new float[p[i].length];
            for (int c = 0; c < p[i].length; c++) {
                combined[i][c] = (float) p[i][c];
            }
        }
        return combined;
    }

    @Override
    public Map<String, Object> state() {
        return Map.of("meta_learner", "multinomial logistic regression on member log-probabilities", "c", C,
                "iterations", ITERATIONS);
    }

    /** Per row, every member's log-probabilities, member after member. */
    private static double[][] features(List<float[][]> members, int[] shape) {
        double[][] x = new double[shape[0]][members.size() * shape[1]];
        for (int m = 0; m < members.size(); m++) {
            float[][] member = members.get(m);
            for (int i = 0; i < shape[0]; i++) {
                for (int c = 0; c < shape[1]; c++) {
                    x[i][m * shape[1] + c] = Math.log(Math.max(Calibration.EPSILON, member[i][c]));
                }
            }
        }
        return x;
    }
}
