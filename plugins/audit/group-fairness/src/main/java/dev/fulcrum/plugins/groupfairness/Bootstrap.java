package dev.fulcrum.plugins.groupfairness;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded percentile bootstrap intervals (Efron and Tibshirani 1993, ch. 13). The resampling unit is
 * the row, drawn by the Poisson bootstrap: every row appears Poisson(1) times in a resample
 * (Hanley and MacGibbon 2006; Chamandy et al. 2012, "Estimating uncertainty for massive data
 * streams"). Rows of one (group, label, prediction) cell with the same weight are interchangeable,
 * so a cell of n rows appears Poisson(n) times, M say, and weighs M times the cell's mean weight:
 * exact when the weights within a cell are equal (unweighted data, reweighing). When they differ,
 * a normal term with the variance of M draws of the cell's weights is added (the central limit
 * theorem), so the cost stays a few draws per cell whatever the number of rows.
 */
final class Bootstrap {

    /** Intervals are reported only when the metric is defined in at least this share of resamples. */
    private static final double MIN_DEFINED_SHARE = 0.5;

    /** What one resample recomputes: metric values keyed by (grouping, metric), from cell rows and weights. */
    interface Statistic {
        Map<MetricKey, Measure> of(long[] cellRows, double[] cellWeights);
    }

    record MetricKey(String grouping, String metric) {
    }

    /** A percentile interval, and in how many resamples the metric was undefined. */
    record Interval(Measure low, Measure high, int undefinedResamples) {
    }

    private final int resamples;
    private final double confidence;
    private final long seed;

    Bootstrap(int resamples, double confidence, long seed) {
        this.resamples = resamples;
        this.confidence = confidence;
        this.seed = seed;
    }

    Map<MetricKey, Interval> intervals(CellCounts cells, Statistic statistic) {
        SplittableRandom random = new SplittableRandom(seed);
        PoissonSampler poisson = new PoissonSampler(random);
        Map<MetricKey, double[]> samples = new LinkedHashMap<>();
        Map<MetricKey, Integer> defined = new LinkedHashMap<>();
        long[] rows = new long[cells.rows.length];
        double[] weights = new double[cells.rows.length];
        for (int r = 0; r < resamples; r++) {
            resample(cells, random, poisson, rows, weights);
            statistic.of(rows, weights).forEach((key, measure) -> {
                double[] values = samples.computeIfAbsent(key, k -> new double[resamples]);
                int count = defined.getOrDefault(key, 0);
                if (measure.defined()) {
                    values[count++] = measure.value();
                }
                defined.put(key, count);
            });
        }
        Map<MetricKey, Interval> intervals = new LinkedHashMap<>();
        samples.forEach((key, values) -> intervals.put(key, interval(values, defined.get(key))));
        return intervals;
    }

    private static void resample(CellCounts cells, SplittableRandom random, PoissonSampler poisson, long[] rows, double[] weights) {
        for (int c = 0; c < rows.length; c++) {
            long n = cells.rows[c];
            long drawn = poisson.next(n);
            rows[c] = drawn;
            if (drawn == 0) {
                weights[c] = 0;
                continue;
            }
            double mean = cells.weight[c] / n;
            double variance = cells.weightSquared[c] / n - mean * mean;
            double total = drawn * mean;
            if (variance > 1e-12 * mean * mean) {
                total = Math.max(0, total + Math.sqrt(drawn * variance) * random.nextGaussian());
            }
            weights[c] = total;
        }
    }

    private Interval interval(double[] values, int defined) {
        int undefined = resamples - defined;
        if (defined < MIN_DEFINED_SHARE * resamples || defined == 0) {
            Measure none = Measure.undefined("undefined in " + undefined + " of " + resamples + " bootstrap resamples");
            return new Interval(none, none, undefined);
        }
        double[] sorted = Arrays.copyOf(values, defined);
        Arrays.sort(sorted);
        double tail = (1 - confidence) / 2;
        return new Interval(Measure.of(quantile(sorted, tail)), Measure.of(quantile(sorted, 1 - tail)), undefined);
    }

    /** The p-quantile with linear interpolation between order statistics (numpy's default). */
    static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
