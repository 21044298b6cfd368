package dev.fulcrum.plugins.samplers.tpe;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A Parzen estimator over a group of parameters: a weighted mixture with one component per
 * observed trial and one for the prior, each component a product of one kernel per parameter
 * (Bergstra et al., "Algorithms for Hyper-Parameter Optimization", NeurIPS 2011, section 4; the
 * joint product kernel of Falkner et al., "BOHB", ICML 2018). Numeric kernels are normals
 * truncated to the axis's bounds, categorical kernels put most mass on the observed choice. The
 * weights, bandwidths and prior follow Optuna 3.1's {@code optuna/samplers/_tpe/parzen_estimator.py}
 * and the defaults of {@code optuna/samplers/_tpe/sampler.py}; its one departure is the kernel
 * density's {@code -log(width)} term, see {@link TruncatedNormal#logDensity}.
 */
final class ParzenEstimator {

    /** The floor of a kernel's width without the magic clip. */
    private static final double MIN_WIDTH = 1e-12;
    /** Scott's rule factor of the joint bandwidth, as Optuna's {@code SIGMA0_MAGNITUDE} (after BOHB). */
    private static final double JOINT_BANDWIDTH = 0.2;
    /** Past this many observations, older ones weigh less (Optuna's {@code default_weights}). */
    private static final int FLAT_WEIGHTS = 25;

    /** How the estimator sets its kernels: {@code tune.sampler} params of the {@code tpe} type. */
    record Settings(double priorWeight, boolean magicClip, boolean endpoints, boolean joint) {
    }

    private final List<ParameterAxis> axes;
    /** Mixture weights, summing to 1, and their logs; the prior's is last. */
    private final double[] weights;
    private final double[] logWeights;
    /** Per axis, per component: kernel centre, width and log width (numeric axes). */
    private final double[][] centres;
    private final double[][] widths;
    private final double[][] logWidths;
    /** Per axis, per component: log of the kernel's mass within the axis's bounds (numeric axes). */
    private final double[][] logInBounds;
    /** Per axis, per component, per choice: the kernel's probability (categorical axes). */
    private final double[][][] choiceProbabilities;

    /**
     * @param observations one row per observed trial, one coordinate per axis (as {@link ParameterAxis#coordinate})
     * @param weights      the observations' weights, not yet normalised; {@code null} for Optuna's default
     *                     weights of observations in trial order (older ones weigh less past 25)
     */
    ParzenEstimator(List<ParameterAxis> axes, double[][] observations, double[] weights, Settings settings) {
        this.axes = List.copyOf(axes);
        int n = observations.length;
        double[] mixture = Arrays.copyOf(weights == null ? defaultWeights(n) : weights, n + 1);
        mixture[n] = settings.priorWeight();
        double total = Arrays.stream(mixture).sum();
        this.weights = new double[n + 1];
        logWeights = new double[n + 1];
        for (int j = 0; j <= n; j++) {
            this.weights[j] = mixture[j] / total;
            logWeights[j] = Math.log(this.weights[j]);
        }
        int d = axes.size();
        centres = new double[d][];
        widths = new double[d][];
        logWidths = new double[d][];
        logInBounds = new double[d][];
        choiceProbabilities = new double[d][][];
        for (int i = 0; i < d; i++) {
            ParameterAxis axis = axes.get(i);
            double[] column = new double[n];
            for (int j = 0; j < n; j++) {
                column[j] = observations[j][i];
            }
            if (axis.kind() == ParameterAxis.Kind.CATEGORICAL) {
                choiceProbabilities[i] = choiceKernels(column, (int) axis.count(), settings.priorWeight());
            } else {
                centres[i] = Arrays.copyOf(column, n + 1);
                centres[i][n] = 0.5 * (axis.low() + axis.high());
                widths[i] = widths(axis, centres[i], d, settings);
                logWidths[i] = Arrays.stream(widths[i]).map(Math::log).toArray();
                logInBounds[i] = new double[n + 1];
                for (int j = 0; j <= n; j++) {
                    logInBounds[i][j] = TruncatedNormal.logMass(
                            (axis.low() - centres[i][j]) / widths[i][j], (axis.high() - centres[i][j]) / widths[i][j]);
                }
            }
        }
    }

    /**
     * Optuna's {@code default_weights}: 1 for each of the last 25 observations, and for older ones
     * a ramp from 1/n up to 1 (Bergstra et al., "Making a Science of Model Search", ICML 2013).
     */
    static double[] defaultWeights(int n) {
        double[] weights = new double[n];
        Arrays.fill(weights, 1.0);
        int ramp = n - FLAT_WEIGHTS;
        for (int j = 0; j < ramp; j++) {
            weights[j] = ramp == 1 ? 1.0 / n : 1.0 / n + j * (1.0 - 1.0 / n) / (ramp - 1);
        }
        return weights;
    }

    /**
     * Kernel widths: with joint kernels, Scott's rule as BOHB, 0.2 n^(-1/(d+4)) of the range for
     * every component; else each centre's larger gap to a neighbour (the range's ends counting as
     * neighbours only with {@code endpoints}). Then clipped to [range / min(100, components), range]
     * (Optuna's magic clip; without it the floor is 1e-12); the prior's width is the whole range.
     */
    private static double[] widths(ParameterAxis axis, double[] centres, int dimensions, Settings settings) {
        int components = centres.length;
        int n = components - 1;
        double range = axis.high() - axis.low();
        double[] widths = new double[components];
        if (settings.joint()) {
            Arrays.fill(widths, JOINT_BANDWIDTH * Math.pow(Math.max(n, 1), -1.0 / (dimensions + 4)) * range);
        } else {
            Integer[] order = new Integer[components];
            Arrays.setAll(order, j -> j);
            Arrays.sort(order, (p, q) -> Double.compare(centres[p], centres[q]));
            for (int r = 0; r < components; r++) {
                double below = r == 0 ? axis.low() : centres[order[r - 1]];
                double above = r == components - 1 ? axis.high() : centres[order[r + 1]];
                double here = centres[order[r]];
                if (!settings.endpoints() && components >= 2 && r == 0) {
                    widths[order[r]] = centres[order[1]] - here;
                } else if (!settings.endpoints() && components >= 2 && r == components - 1) {
                    widths[order[r]] = here - centres[order[r - 1]];
                } else {
                    widths[order[r]] = Math.max(here - below, above - here);
                }
            }
        }
        double floor = settings.magicClip() ? range / Math.min(100.0, 1.0 + components) : MIN_WIDTH;
        for (int j = 0; j < components; j++) {
            widths[j] = Math.min(range, Math.max(floor, widths[j]));
        }
        widths[n] = range;
        return widths;
    }

    /**
     * Each observation's kernel: {@code priorWeight / (n + 1)} on every choice plus 1 on the one
     * observed, normalised; the prior's kernel is uniform (Optuna's {@code _calculate_categorical_params}).
     */
    private static double[][] choiceKernels(double[] observed, int choices, double priorWeight) {
        int n = observed.length;
        double[][] kernels = new double[n + 1][choices];
        for (int j = 0; j <= n; j++) {
            Arrays.fill(kernels[j], priorWeight / (n + 1));
            if (j < n) {
                kernels[j][(int) observed[j]] += 1;
            }
            double sum = Arrays.stream(kernels[j]).sum();
            for (int c = 0; c < choices; c++) {
                kernels[j][c] /= sum;
            }
        }
        return kernels;
    }

    /** One draw from the mixture, one coordinate per axis, continuous (not yet snapped to a value). */
    double[] sample(SplittableRandom random) {
        int component = pick(weights, random.nextDouble());
        double[] point = new double[axes.size()];
        for (int i = 0; i < point.length; i++) {
            ParameterAxis axis = axes.get(i);
            if (axis.kind() == ParameterAxis.Kind.CATEGORICAL) {
                point[i] = pick(choiceProbabilities[i][component], random.nextDouble());
            } else {
                double centre = centres[i][component];
                double width = widths[i][component];
                double z = TruncatedNormal.quantile(random.nextDouble(), (axis.low() - centre) / width, (axis.high() - centre) / width);
                point[i] = Math.min(axis.high(), Math.max(axis.low(), centre + width * z));
            }
        }
        return point;
    }

    /** The index whose share of {@code [0, 1)} holds {@code u}. */
    private static int pick(double[] probabilities, double u) {
        double running = 0;
        for (int c = 0; c < probabilities.length - 1; c++) {
            running += probabilities[c];
            if (u < running) {
                return c;
            }
        }
        return probabilities.length - 1;
    }

    /**
     * The log-density of the mixture at {@code point} (coordinates of values the parameters may
     * take). A discrete axis counts a kernel's mass over the value's step, within the bounds.
     */
    double logDensity(double[] point) {
        int components = logWeights.length;
        double[] terms = logWeights.clone();
        for (int i = 0; i < point.length; i++) {
            ParameterAxis axis = axes.get(i);
            double x = point[i];
            for (int j = 0; j < components; j++) {
                terms[j] += switch (axis.kind()) {
                    case CATEGORICAL -> Math.log(choiceProbabilities[i][j][(int) x]);
                    case CONTINUOUS -> x < axis.low() || x > axis.high() ? Double.NEGATIVE_INFINITY
                            : TruncatedNormal.logNormalDensity((x - centres[i][j]) / widths[i][j]) - logInBounds[i][j] - logWidths[i][j];
                    case DISCRETE -> TruncatedNormal.logMass(
                            (Math.max(axis.low(), x - 0.5 * axis.step()) - centres[i][j]) / widths[i][j],
                            (Math.min(axis.high(), x + 0.5 * axis.step()) - centres[i][j]) / widths[i][j])
                            - logInBounds[i][j];
                };
            }
        }
        double max = Arrays.stream(terms).max().orElseThrow();
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double term : terms) {
            sum += Math.exp(term - max);
        }
        return max + Math.log(sum);
    }
}
