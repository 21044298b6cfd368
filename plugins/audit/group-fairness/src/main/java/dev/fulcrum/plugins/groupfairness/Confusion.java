package dev.fulcrum.plugins.groupfairness;

/**
 * Weighted confusion counts of one group for the positive class: each row adds its sample weight to
 * one of true positives, false positives, false negatives or true negatives.
 *
 * @param rows the number of rows, unweighted
 */
record Confusion(long rows, double tp, double fp, double fn, double tn) {

    static final Confusion EMPTY = new Confusion(0, 0, 0, 0, 0);

    Confusion plus(Confusion other) {
        return new Confusion(rows + other.rows, tp + other.tp, fp + other.fp, fn + other.fn, tn + other.tn);
    }

    double weight() {
        return tp + fp + fn + tn;
    }

    double positives() {
        return tp + fn;
    }

    double negatives() {
        return fp + tn;
    }

    double selected() {
        return tp + fp;
    }

    Measure baseRate() {
        return Measure.ratio(positives(), weight(), NO_WEIGHT);
    }

    Measure selectionRate() {
        return Measure.ratio(selected(), weight(), NO_WEIGHT);
    }

    Measure truePositiveRate() {
        return Measure.ratio(tp, positives(), NO_POSITIVES);
    }

    Measure falsePositiveRate() {
        return Measure.ratio(fp, negatives(), NO_NEGATIVES);
    }

    Measure falseNegativeRate() {
        return Measure.ratio(fn, positives(), NO_POSITIVES);
    }

    Measure trueNegativeRate() {
        return Measure.ratio(tn, negatives(), NO_NEGATIVES);
    }

    Measure positivePredictiveValue() {
        return Measure.ratio(tp, selected(), "no positive predictions (TP + FP = 0)");
    }

    Measure accuracy() {
        return Measure.ratio(tp + tn, weight(), NO_WEIGHT);
    }

    private static final String NO_WEIGHT = "no rows (total weight 0)";
    private static final String NO_POSITIVES = "no rows with the positive label (TP + FN = 0)";
    private static final String NO_NEGATIVES = "no rows with a negative label (FP + TN = 0)";
}
