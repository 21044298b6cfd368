package dev.fulcrum.math.labels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Confident learning (Northcutt, Jiang, Chuang 2021, "Confident Learning: Estimating Uncertainty in Dataset Labels",
 * JAIR 70, arXiv 1911.00068): finds rows whose given label is likely wrong from out-of-sample predicted probabilities
 * {@code p[x][j]} (each row's from a model that did not see it) and the given labels {@code y~[x]}.
 *
 * <ul>
 *   <li>per-class thresholds t_j: the mean out-of-sample p(j) over the rows labelled j (Section 3.1, Eq. 2);</li>
 *   <li>the confident joint C[i][j]: the rows labelled i whose p(j) >= t_j, each counted once, for the j of largest
 *       p(j) among the classes at or above their thresholds; a row above no threshold is not counted (Eq. 1);</li>
 *   <li>the estimated joint Q[i][j]: C calibrated so each row i sums to the count of rows labelled i, then divided
 *       by the total (Eq. 3);</li>
 *   <li>prune by noise rate (Section 3.2, "C_prune_by_noise_rate"): for each off-diagonal (i, j), the
 *       round(n Q[i][j]) rows labelled i with the largest margin p(j) - p(i) are flagged;</li>
 *   <li>the flagged rows are ranked by normalized margin (Section 3.2's ordering): max_{j != i} p(j) - p(i) for the
 *       given label i, so the row the model most confidently gives another class comes first.</li>
 * </ul>
 */
public final class ConfidentLearning {

    private final double[][] probabilities;
    private final int[] given;
    private final int classes;
    private final double[] thresholds;
    private final long[][] confidentJoint;
    private final double[][] joint;

    private ConfidentLearning(double[][] probabilities, int[] given, int classes) {
        this.probabilities = probabilities;
        this.given = given;
        this.classes = classes;
        this.thresholds = thresholds(probabilities, given, classes);
        this.confidentJoint = confidentJoint(probabilities, given, thresholds);
        this.joint = calibratedJoint(confidentJoint, counts(given, classes));
    }

    /**
     * @param probabilities out-of-sample class probabilities, one row per labelled row, each summing to 1
     * @param given the given label of each row, in {@code [0, classes)}
     * @throws IllegalArgumentException for mismatched lengths, a label out of range, a row that is not probabilities,
     *     or a class that no row is labelled with (its threshold would be undefined)
     */
    public static ConfidentLearning of(double[][] probabilities, int[] given, int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("confident learning needs at least 2 classes, got " + classes);
        }
        if (probabilities.length != given.length) {
            throw new IllegalArgumentException(probabilities.length + " rows of probabilities for " + given.length + " labels");
        }
        for (int x = 0; x < given.length; x++) {
            if (given[x] < 0 || given[x] >= classes) {
                throw new IllegalArgumentException("row " + x + ": label " + given[x] + " is outside the " + classes + " classes");
            }
            if (probabilities[x].length != classes) {
                throw new IllegalArgumentException("row " + x + " has " + probabilities[x].length + " probabilities for " + classes + " classes");
            }
            double sum = 0;
            for (double p : probabilities[x]) {
                if (!(p >= 0 && p <= 1)) {
                    throw new IllegalArgumentException("row " + x + ": probability " + p + " is outside [0, 1]");
                }
                sum += p;
            }
            if (Math.abs(sum - 1) > 1e-3) {
                throw new IllegalArgumentException("row " + x + " of the probabilities sums to " + sum + ", not 1");
            }
        }
        long[] counts = counts(given, classes);
        for (int j = 0; j < classes; j++) {
            if (counts[j] == 0) {
                throw new IllegalArgumentException("no row is labelled " + j + ", so its threshold is undefined");
            }
        }
        return new ConfidentLearning(probabilities, given, classes);
    }

    /** t_j for each class j (Eq. 2). */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** C[given][true] (Eq. 1). */
    public long[][] confidentJoint() {
        long[][] copy = new long[classes][];
        for (int i = 0; i < classes; i++) {
            copy[i] = confidentJoint[i].clone();
        }
        return copy;
    }

    /** The estimated joint Q[given][true], summing to 1 (Eq. 3). */
    public double[][] joint() {
        double[][] copy = new double[classes][];
        for (int i = 0; i < classes; i++) {
            copy[i] = joint[i].clone();
        }
        return copy;
    }

    /** The estimated share of rows whose given label is wrong: the off-diagonal mass of {@link #joint()}. */
    public double noiseRate() {
        double off = 0;
        for (int i = 0; i < classes; i++) {
            for (int j = 0; j < classes; j++) {
                off += i == j ? 0 : joint[i][j];
            }
        }
        return off;
    }

    /** A flagged row: its index, the class it most likely is instead, and its normalized margin. */
    public record Issue(int row, int likely, double margin) {
    }

    /**
     * The rows prune by noise rate flags (Section 3.2), ranked by normalized margin, largest first (ties by row).
     * A row flagged for several classes j appears once, with {@code likely} its most probable class other than the given.
     */
    public List<Issue> issues() {
        int n = given.length;
        Set<Integer> flagged = new LinkedHashSet<>();
        for (int i = 0; i < classes; i++) {
            List<Integer> labelled = new ArrayList<>();
            for (int x = 0; x < n; x++) {
                if (given[x] == i) {
                    labelled.add(x);
                }
            }
            for (int j = 0; j < classes; j++) {
                if (i == j) {
                    continue;
                }
                int prune = (int) Math.round(n * joint[i][j]);
                if (prune == 0) {
                    continue;
                }
                int to = j;
                int from = i;
                List<Integer> byMargin = new ArrayList<>(labelled);
                byMargin.sort(Comparator.<Integer>comparingDouble(x -> probabilities[x][from] - probabilities[x][to])
                        .thenComparingInt(x -> x));
                flagged.addAll(byMargin.subList(0, Math.min(prune, byMargin.size())));
            }
        }
        List<Issue> issues = new ArrayList<>();
        for (int x : flagged) {
            int likely = mostLikelyOther(probabilities[x], given[x]);
            issues.add(new Issue(x, likely, probabilities[x][likely] - probabilities[x][given[x]]));
        }
        issues.sort(Comparator.comparingDouble(Issue::margin).reversed().thenComparingInt(Issue::row));
        return issues;
    }

    /** The class of largest probability other than {@code label} (the lowest index on ties). */
    public static int mostLikelyOther(double[] p, int label) {
        int best = -1;
        for (int j = 0; j < p.length; j++) {
            if (j != label && (best < 0 || p[j] > p[best])) {
                best = j;
            }
        }
        return best;
    }

    static double[] thresholds(double[][] p, int[] given, int classes) {
        double[] sum = new double[classes];
        long[] counts = counts(given, classes);
        for (int x = 0; x < given.length; x++) {
            sum[given[x]] += p[x][given[x]];
        }
        double[] t = new double[classes];
        for (int j = 0; j < classes; j++) {
            t[j] = sum[j] / counts[j];
        }
        return t;
    }

    static long[][] confidentJoint(double[][] p, int[] given, double[] t) {
        int classes = t.length;
        long[][] c = new long[classes][classes];
        for (int x = 0; x < given.length; x++) {
            int best = -1;
            for (int j = 0; j < classes; j++) {
                if (p[x][j] >= t[j] && (best < 0 || p[x][j] > p[x][best])) {
                    best = j;
                }
            }
            if (best >= 0) {
                c[given[x]][best]++;
            }
        }
        return c;
    }

    /** Eq. 3: each row of C scaled to the count of rows with that given label, then the whole divided by its sum. */
    static double[][] calibratedJoint(long[][] c, long[] counts) {
        int classes = counts.length;
        double[][] q = new double[classes][classes];
        double total = 0;
        for (int i = 0; i < classes; i++) {
            long row = Arrays.stream(c[i]).sum();
            for (int j = 0; j < classes; j++) {
                q[i][j] = row == 0 ? 0 : c[i][j] / (double) row * counts[i];
                total += q[i][j];
            }
        }
        for (int i = 0; i < classes; i++) {
            for (int j = 0; j < classes; j++) {
                q[i][j] = total == 0 ? 0 : q[i][j] / total;
            }
        }
        return q;
    }

    private static long[] counts(int[] given, int classes) {
        long[] counts = new long[classes];
        for (int label : given) {
            counts[label]++;
        }
        return counts;
    }
}
