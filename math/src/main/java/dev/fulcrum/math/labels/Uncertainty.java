package dev.fulcrum.math.labels;

/**
 * How unsure a model is of one row, from its class probabilities (Settles 2009, "Active Learning Literature Survey",
 * Section 3.1, uncertainty sampling): the margin between the two most probable classes, p1 - p2 (small = unsure), and
 * the entropy -sum p log p in nats (large = unsure). {@link #score} turns either into "higher = look first".
 */
public enum Uncertainty {
    MARGIN, ENTROPY;

    /** p1 - p2: the largest probability minus the second largest. */
    public static double margin(double[] p) {
        double first = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        for (double value : p) {
            if (value > first) {
                second = first;
                first = value;
            } else if (value > second) {
                second = value;
            }
        }
        return first - second;
    }

    /** -sum p log p in nats; a zero probability adds nothing. */
    public static double entropy(double[] p) {
        double h = 0;
        for (double value : p) {
            h -= value > 0 ? value * Math.log(value) : 0;
        }
        return h;
    }

    /** Higher = more uncertain: 1 - margin, or the entropy. */
    public double score(double[] p) {
        return this == MARGIN ? 1 - margin(p) : entropy(p);
    }
}
