package dev.fulcrum.plugins.groupfairness;

/**
 * A metric value, or the reason it is undefined (a zero denominator, say): never a silent 0 or NaN.
 *
 * @param undefined why there is no value, or {@code null} when there is one
 */
record Measure(double value, String undefined) {

    static Measure of(double value) {
        return new Measure(value, null);
    }

    static Measure undefined(String reason) {
        return new Measure(Double.NaN, reason);
    }

    /** {@code numerator / denominator}, undefined with the given reason when the denominator is 0. */
    static Measure ratio(double numerator, double denominator, String zeroDenominator) {
        return denominator == 0 ? undefined(zeroDenominator) : of(numerator / denominator);
    }

    boolean defined() {
        return undefined == null;
    }

    Measure minus(Measure other) {
        if (!defined()) {
            return this;
        }
        return other.defined() ? of(value - other.value) : other;
    }

    /** This over {@code other}; {@code otherName} names the denominator in the reason when it is 0. */
    Measure over(Measure other, String otherName) {
        if (!defined()) {
            return this;
        }
        if (!other.defined()) {
            return other;
        }
        return ratio(value, other.value, otherName + " is 0");
    }

    /** The value, or NaN when undefined. */
    double orNaN() {
        return defined() ? value : Double.NaN;
    }
}
