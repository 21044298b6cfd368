package dev.fulcrum.math.stats;

import java.util.List;

/**
 * One task's confusion matrix on a set of rows: {@code confusion[true][predicted]} counts rows, and
 * per class the precision, recall and F1 they give (scikit-learn's {@code classification_report}
 * definitions; a ratio with a zero denominator is 0, as its {@code zero_division=0}).
 */
public record ClassCounts(List<String> classes, long[][] confusion) {

    public ClassCounts {
        classes = List.copyOf(classes);
        if (confusion.length != classes.size()) {
            throw new IllegalArgumentException("a confusion matrix of " + confusion.length + " rows for " + classes.size() + " classes");
        }
    }

    public static ClassCounts of(List<String> classes, int[] labels, int[] predicted) {
        long[][] confusion = new long[classes.size()][classes.size()];
        for (int i = 0; i < labels.length; i++) {
            confusion[labels[i]][predicted[i]]++;
        }
        return new ClassCounts(classes, confusion);
    }

    /** Rows whose true class is {@code c}. */
    public long support(int c) {
        long sum = 0;
        for (long count : confusion[c]) {
            sum += count;
        }
        return sum;
    }

    /** Rows predicted as {@code c}. */
    public long predicted(int c) {
        long sum = 0;
        for (long[] row : confusion) {
            sum += row[c];
        }
        return sum;
    }

    public double precision(int c) {
        return ratio(confusion[c][c], predicted(c));
    }

    public double recall(int c) {
        return ratio(confusion[c][c], support(c));
    }

    public double f1(int c) {
        return ratio(2 * confusion[c][c], support(c) + predicted(c));
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }
}
