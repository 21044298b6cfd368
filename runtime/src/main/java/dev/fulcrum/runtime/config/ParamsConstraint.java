package dev.fulcrum.runtime.config;

import dev.fulcrum.api.params.AtLeast;
import dev.fulcrum.api.params.Finite;
import dev.fulcrum.api.params.NotBlank;
import dev.fulcrum.api.params.Positive;
import dev.fulcrum.api.params.Range;

import java.lang.annotation.Annotation;
import java.util.Optional;
import java.util.function.DoublePredicate;

/**
 * What one annotation of {@code dev.fulcrum.api.params} asks of a value: the problem it reports, in
 * the words of Fulcrum's other params messages, and how {@code describe} shows it.
 */
sealed interface ParamsConstraint {

    /** The constraint an annotation states, or empty for any other annotation. */
    static Optional<ParamsConstraint> of(Annotation annotation) {
        if (annotation instanceof AtLeast least) {
            return Optional.of(new Least(least.value()));
        }
        if (annotation instanceof Positive) {
            return Optional.of(new Above0());
        }
        if (annotation instanceof Range range) {
            return Optional.of(Interval.parse(range.value()));
        }
        if (annotation instanceof Finite) {
            return Optional.of(new FiniteNumber());
        }
        if (annotation instanceof NotBlank) {
            return Optional.of(new NotEmpty());
        }
        return Optional.empty();
    }

    /** What is wrong with a value ({@code null} for a missing list element), or empty when it passes. */
    Optional<String> problem(Object value);

    /** How {@code describe} shows it, e.g. {@code >= 1}. */
    String text();

    /** Whether it can check values of this declared type. */
    boolean appliesTo(Class<?> type);

    /** The kind of type it checks, for the message when it sits on another. */
    String appliesToText();

    /** A bound on integer and floating-point values. */
    sealed interface NumberConstraint extends ParamsConstraint {
        @Override
        default boolean appliesTo(Class<?> type) {
            return Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class
                    || type == float.class || type == short.class || type == byte.class;
        }

        @Override
        default String appliesToText() {
            return "numbers";
        }
    }

    /** Checks a number against a rule; NaN and infinities break every numeric rule. */
    private static Optional<String> number(Object value, DoublePredicate accepts, String rule) {
        if (value == null) {
            return Optional.of(rule + ", got null");
        }
        double number = ((Number) value).doubleValue();
        if (!Double.isFinite(number)) {
            return Optional.of("must be a finite number, got " + value);
        }
        return accepts.test(number) ? Optional.empty() : Optional.of(rule + ", got " + value);
    }

    /** A bound as people write it: {@code 1}, not {@code 1.0}. */
    private static String bound(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }

    record Least(double least) implements NumberConstraint {
        @Override
        public Optional<String> problem(Object value) {
            return number(value, v -> v >= least, "must be at least " + bound(least));
        }

        @Override
        public String text() {
            return ">= " + bound(least);
        }
    }

    record Above0() implements NumberConstraint {
        @Override
        public Optional<String> problem(Object value) {
            return number(value, v -> v > 0, "must be positive");
        }

        @Override
        public String text() {
            return "> 0";
        }
    }

    /** An interval such as {@code (0, 1]}: a square bracket includes its end, a round one excludes it. */
    record Interval(double low, boolean lowIncluded, double high, boolean highIncluded) implements NumberConstraint {

        static Interval parse(String text) {
            String trimmed = text.strip();
            String[] ends = trimmed.length() < 2 ? new String[0] : trimmed.substring(1, trimmed.length() - 1).split(",", -1);
            if (ends.length != 2 || "[(".indexOf(trimmed.charAt(0)) < 0 || "])".indexOf(trimmed.charAt(trimmed.length() - 1)) < 0) {
                throw new IllegalArgumentException("@Range(\"" + text + "\") is not an interval such as \"(0, 1]\"");
            }
            try {
                Interval interval = new Interval(Double.parseDouble(ends[0].strip()), trimmed.charAt(0) == '[',
                        Double.parseDouble(ends[1].strip()), trimmed.charAt(trimmed.length() - 1) == ']');
                if (!(interval.low < interval.high) || !Double.isFinite(interval.low) || !Double.isFinite(interval.high)) {
                    throw new IllegalArgumentException("@Range(\"" + text + "\") has no finite ends with the lower one first");
                }
                return interval;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("@Range(\"" + text + "\") is not an interval such as \"(0, 1]\"", e);
            }
        }

        @Override
        public Optional<String> problem(Object value) {
            return number(value, v -> (lowIncluded ? v >= low : v > low) && (highIncluded ? v <= high : v < high),
                    "must be in " + this);
        }

        @Override
        public String text() {
            return "in " + this;
        }

        @Override
        public String toString() {
            return (lowIncluded ? "[" : "(") + bound(low) + ", " + bound(high) + (highIncluded ? "]" : ")");
        }
    }

    record FiniteNumber() implements ParamsConstraint {
        @Override
        public Optional<String> problem(Object value) {
            return number(value, v -> true, "must be a finite number");
        }

        @Override
        public String text() {
            return "finite";
        }

        @Override
        public boolean appliesTo(Class<?> type) {
            return type == Double.class || type == double.class || type == Float.class || type == float.class;
        }

        @Override
        public String appliesToText() {
            return "floating-point numbers";
        }
    }

    record NotEmpty() implements ParamsConstraint {
        @Override
        public Optional<String> problem(Object value) {
            return value == null || value.toString().isBlank() ? Optional.of("must not be empty") : Optional.empty();
        }

        @Override
        public String text() {
            return "not empty";
        }

        @Override
        public boolean appliesTo(Class<?> type) {
            return type == String.class;
        }

        @Override
        public String appliesToText() {
            return "strings";
        }
    }
}
