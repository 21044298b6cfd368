package dev.fulcrum.plugins.samplers.tpe;

/**
 * The standard normal's log-CDF and the normal truncated to {@code [a, b]}: its log-density, the
 * log of its mass over an interval, and its quantile, all in standard units (subtract the mean,
 * divide by the scale). Everything is computed in log space and in the left tail, where the
 * digits are, so that a kernel many widths away from a bound neither underflows nor cancels. The
 * case split (left tail, symmetric right tail, {@code log1p} in the centre) follows Optuna 3.1's
 * {@code optuna/samplers/_tpe/_truncnorm.py}, itself after SciPy's {@code truncnorm}; the error
 * function is computed here from its series and continued fraction (Abramowitz and Stegun 7.1.6
 * and 7.1.14).
 */
final class TruncatedNormal {

    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double LOG_SQRT_PI = 0.5 * Math.log(Math.PI);
    private static final double SQRT_2 = Math.sqrt(2);
    /** Below this the series for erf is used, above it the continued fraction for erfc. */
    private static final double SERIES_LIMIT = 2.0;

    private TruncatedNormal() {
    }

    /** log Φ(z), the standard normal's log-CDF, accurate in both tails. */
    static double logCdf(double z) {
        if (z >= 0) {
            return Math.log1p(-0.5 * Math.exp(logErfc(z / SQRT_2)));
        }
        return Math.log(0.5) + logErfc(-z / SQRT_2);
    }

    /** log(Φ(b) - Φ(a)) for {@code a <= b}: minus infinity when {@code a == b}. */
    static double logMass(double a, double b) {
        if (b <= 0) {
            return logDifference(logCdf(b), logCdf(a));
        }
        if (a > 0) {
            return logMass(-b, -a);
        }
        // Across the mean: one minus both tails, without the cancellation of a difference near 1.
        return Math.log1p(-Math.exp(logCdf(a)) - Math.exp(logCdf(-b)));
    }

    /**
     * log of the density at {@code z} of the standard normal truncated to {@code [a, b]}; minus
     * infinity outside. A kernel with scale {@code s} adds {@code -log(s)}: Optuna 3.1 leaves that
     * term out (fixed in Optuna 3.5, commit 206e719 "Fix logpdf for scaled truncnorm").
     */
    static double logDensity(double z, double a, double b) {
        if (z < a || z > b) {
            return Double.NEGATIVE_INFINITY;
        }
        return logNormalDensity(z) - logMass(a, b);
    }

    /** log of the standard normal density at {@code z}. */
    static double logNormalDensity(double z) {
        return -0.5 * z * z - LOG_SQRT_2PI;
    }

    /**
     * The point below which a share {@code q} in {@code [0, 1)} of the mass of the standard normal
     * truncated to {@code [a, b]} lies. Inverts the log-CDF by bisection, in the left tail of
     * whichever side holds the interval, as Optuna's {@code ppf}.
     */
    static double quantile(double q, double a, double b) {
        if (a < 0) {
            double target = logSum(logCdf(a), Math.log(q) + logMass(a, b));
            return invertLogCdf(target, a, b);
        }
        double target = logSum(logCdf(-b), Math.log1p(-q) + logMass(a, b));
        return -invertLogCdf(target, -b, -a);
    }

    /**
     * The z in {@code [low, high]} with log Φ(z) = {@code target}, by bisection: to 1e-13 standard
     * units (the draw is then scaled by a kernel's width), or 200 halvings where the bounds are wide.
     */
    private static double invertLogCdf(double target, double low, double high) {
        for (int i = 0; i < 200 && high - low > 1e-13; i++) {
            double middle = 0.5 * (low + high);
            if (logCdf(middle) < target) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return 0.5 * (low + high);
    }

    /** log(e^p + e^q). */
    static double logSum(double p, double q) {
        double max = Math.max(p, q);
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        return max + Math.log1p(Math.exp(Math.min(p, q) - max));
    }

    /** log(e^p - e^q) for {@code p >= q}. */
    private static double logDifference(double p, double q) {
        return p + Math.log1p(-Math.exp(q - p));
    }

    /** log erfc(x) for {@code x >= 0}, finite however large x is. */
    static double logErfc(double x) {
        if (x < SERIES_LIMIT) {
            return Math.log1p(-erf(x));
        }
        return -x * x - LOG_SQRT_PI - Math.log(erfcContinuedFraction(x));
    }

    /**
     * erf(x) for {@code 0 <= x < 2} by the series of Abramowitz and Stegun 7.1.6,
     * erf(x) = 2/sqrt(pi) exp(-x^2) sum 2^n x^(2n+1) / (1 * 3 * ... * (2n+1)), whose terms are all positive.
     */
    private static double erf(double x) {
        double term = x;
        double sum = x;
        for (int n = 1; n < 200 && term > 1e-17 * sum; n++) {
            term *= 2 * x * x / (2 * n + 1);
            sum += term;
        }
        return 2 / Math.sqrt(Math.PI) * Math.exp(-x * x) * sum;
    }

    /**
     * The denominator D of erfc(x) = exp(-x^2) / (sqrt(pi) D) for {@code x >= 2}: the continued
     * fraction D = x + (1/2) / (x + 1 / (x + (3/2) / (x + 2 / (x + ...)))) (Abramowitz and Stegun
     * 7.1.14), evaluated by the modified Lentz method (Press et al., Numerical Recipes, 5.2).
     */
    private static double erfcContinuedFraction(double x) {
        double tiny = 1e-300;
        double value = x;
        double c = x;
        double d = 0;
        for (int k = 1; k < 500; k++) {
            double numerator = 0.5 * k;
            d = x + numerator * d;
            d = 1 / (Math.abs(d) < tiny ? tiny : d);
            c = x + numerator / c;
            c = Math.abs(c) < tiny ? tiny : c;
            double delta = c * d;
            value *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return value;
    }
}
