package dev.fulcrum.plugins.synthetic;

import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import dev.fulcrum.math.arrays.FloatMatrices;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes rows whose two tasks share structure, so that general training can help the specific task:
 * both labels are read off the same hidden layer {@code h = tanh(W x)} of the clean features.
 * <ul>
 *   <li>general task: {@code argmax(A h)} over its classes;</li>
 *   <li>specific task (negative, positive): {@code b.h > 0}, shifted down by {@code bias} logits for
 *       group b, so that group b is selected less often (a biased label);</li>
 *   <li>the sensitive attribute {@code group} (a: 60 %, b: 40 %) is not a feature, but the last
 *       feature is shifted by group after the labels are drawn, so it is a proxy for the group;</li>
 *   <li>target-domain rows are observed through {@code x' = x M + shift / 2}, with
 *       {@code M = I + shift * R / sqrt(d)}: a covariance and mean shift that leaves labels as they were.</li>
 * </ul>
 */
final class SyntheticGenerator {

    private static final int HIDDEN = 6;
    private static final double PROXY_STRENGTH = 1.0;

    private final SyntheticParams params;

    SyntheticGenerator(SyntheticParams params) {
        this.params = params;
    }

    Dataset generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = params.rows();
        int d = params.features();
        int classes = params.generalClasses();
        double[][] w = gaussian(random, HIDDEN, d, 1.5 / Math.sqrt(d));
        double[][] a = gaussian(random, classes, HIDDEN, 1.0);
        double[] b = gaussian(random, 1, HIDDEN, 2.0)[0];
        double[][] shiftMatrix = shiftMatrix(random, d);
        float[] features = new float[n * d];
        int[] general = new int[n];
        int[] specific = new int[n];
        int[] domains = new int[n];
        String[] groups = new String[n];
        for (int row = 0; row < n; row++) {
            boolean groupB = random.nextDouble() < 0.4;
            groups[row] = groupB ? "b" : "a";
            double[] x = new double[d];
            for (int j = 0; j < d; j++) {
                x[j] = random.nextGaussian();
            }
            double[] h = hidden(w, x);
            x[d - 1] += groupB ? PROXY_STRENGTH : -PROXY_STRENGTH * 2 / 3;
            boolean generalRow = random.nextDouble() < params.generalShare();
            general[row] = generalRow ? noisy(argmax(a, h), classes, random) : Dataset.NO_LABEL;
            double logit = dot(b, h) - (groupB ? params.bias() : 0) + 0.5 * params.bias();
            specific[row] = generalRow ? Dataset.NO_LABEL : noisy(logit > 0 ? 1 : 0, 2, random);
            domains[row] = !generalRow && random.nextDouble() < params.targetShare() ? 1 : 0;
            double[] observed = domains[row] == 1 ? shifted(x, shiftMatrix) : x;
            for (int j = 0; j < d; j++) {
                features[row * d + j] = (float) observed[j];
            }
        }
        List<String> generalNames = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            generalNames.add("class-" + c);
        }
        Schema schema = new Schema(Schema.numberedFeatures("x", d, "synthetic"),
                List.of(new Task(Tasks.SPECIFIC, List.of("negative", "positive")), new Task(Tasks.GENERAL, generalNames)),
                List.of(Domains.SOURCE, Domains.TARGET), null);
        return Dataset.builder(schema, FloatMatrices.rowMajor(features, n, d))
                .labels(Tasks.SPECIFIC, specific)
                .labels(Tasks.GENERAL, general)
                .domains(domains)
                .sensitive("group", groups)
                .ids("synthetic#", 0)
                .build();
    }

    private double[][] shiftMatrix(SplittableRandom random, int d) {
        double[][] m = gaussian(random, d, d, params.shift() / Math.sqrt(d));
        for (int i = 0; i < d; i++) {
            m[i][i] += 1;
        }
        return m;
    }

    private double[] shifted(double[] x, double[][] m) {
        double[] y = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            double sum = params.shift() / 2;
            for (int i = 0; i < x.length; i++) {
                sum += x[i] * m[i][j];
            }
            y[j] = sum;
        }
        return y;
    }

    private int noisy(int label, int classes, SplittableRandom random) {
        return random.nextDouble() < params.labelNoise() ? random.nextInt(classes) : label;
    }

    private static double[] hidden(double[][] w, double[] x) {
        double[] h = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            h[i] = Math.tanh(dot(w[i], x));
        }
        return h;
    }

    private static int argmax(double[][] a, double[] h) {
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < a.length; c++) {
            double value = dot(a[c], h);
            if (value > bestValue) {
                bestValue = value;
                best = c;
            }
        }
        return best;
    }

    private static double dot(double[] u, double[] v) {
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            sum += u[i] * v[i];
        }
        return sum;
    }

    private static double[][] gaussian(SplittableRandom random, int rows, int columns, double scale) {
        double[][] values = new double[rows][columns];
        for (double[] row : values) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextGaussian() * scale;
            }
        }
        return values;
    }
}
