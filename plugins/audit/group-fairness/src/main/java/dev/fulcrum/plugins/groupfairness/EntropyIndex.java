package dev.fulcrum.plugins.groupfairness;

/**
 * Generalized entropy indices of the benefit {@code b = ŷ - y + 1} (Speicher et al. 2018, "A Unified
 * Approach to Quantifying Algorithmic Unfairness", KDD; as in AIF360): a false negative has benefit
 * 0, a correct decision 1, a false positive 2. With mean benefit {@code μ},
 * {@code GE(α) = 1 / (n α (α - 1)) Σ ((b_i / μ)^α - 1)}; the Theil index is {@code GE(1) = 1/n Σ
 * (b_i / μ) ln(b_i / μ)} and {@code GE(0) = -1/n Σ ln(b_i / μ)}. Sample weights count as frequencies.
 * The between-group index replaces each row's benefit by its group's mean benefit.
 */
final class EntropyIndex {

    private EntropyIndex() {
    }

    /** Over individual rows. */
    static Measure of(Confusion rows, double alpha) {
        return index(new double[] {0, 1, 2}, new double[] {rows.fn(), rows.tp() + rows.tn(), rows.fp()}, alpha);
    }

    /** Between the groups: each row's benefit is its group's mean benefit. */
    static Measure betweenGroups(Confusion[] groups, double alpha) {
        double[] benefit = new double[groups.length];
        double[] weight = new double[groups.length];
        for (int g = 0; g < groups.length; g++) {
            weight[g] = groups[g].weight();
            benefit[g] = weight[g] == 0 ? 0 : (groups[g].tp() + groups[g].tn() + 2 * groups[g].fp()) / weight[g];
        }
        return index(benefit, weight, alpha);
    }

    /** The index of benefit values carried by the given total weights. */
    private static Measure index(double[] benefit, double[] weight, double alpha) {
        double total = 0;
        double sum = 0;
        for (int i = 0; i < benefit.length; i++) {
            total += weight[i];
            sum += weight[i] * benefit[i];
        }
        if (total == 0) {
            return Measure.undefined("no rows (total weight 0)");
        }
        double mean = sum / total;
        if (mean == 0) {
            return Measure.undefined("the mean benefit is 0: every row is a false negative");
        }
        double accumulated = 0;
        for (int i = 0; i < benefit.length; i++) {
            if (weight[i] == 0) {
                continue;
            }
            double x = benefit[i] / mean;
            if (alpha == 0 && x == 0) {
                return Measure.undefined("GE(0) takes the log of a benefit of 0 (a false negative)");
            }
            accumulated += weight[i] * term(x, alpha);
        }
        return Measure.of(accumulated / total);
    }

    private static double term(double x, double alpha) {
        if (alpha == 1) {
            return x == 0 ? 0 : x * Math.log(x);
        }
        if (alpha == 0) {
            return -Math.log(x);
        }
        return (Math.pow(x, alpha) - 1) / (alpha * (alpha - 1));
    }
}
