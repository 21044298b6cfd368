package dev.fulcrum.core.review;

import dev.fulcrum.core.representation.TrunkActivations;
import dev.fulcrum.math.cluster.KMeans;
import dev.fulcrum.math.labels.ConfidentLearning;
import dev.fulcrum.math.labels.Uncertainty;
import dev.fulcrum.runtime.FulcrumModel;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --query uncertain}: the rows the final model is least sure of (uncertainty sampling, Settles 2009, Section
 * 3.1), by margin (score 1 - (p1 - p2)) or entropy. With {@code --diverse}, the {@value #CANDIDATES_PER_ROW} x K most
 * uncertain rows are clustered by k-means (k-means++ seeding) on the final model's last trunk layer, and the most
 * uncertain row of each of the K clusters is taken, so a batch is not K near-copies (the cluster-then-pick scheme of
 * Zhdanov 2019, "Diverse mini-batch Active Learning", arXiv 1901.05954).
 */
final class UncertainQuery {

    static final int CANDIDATES_PER_ROW = 10;

    private UncertainQuery() {
    }

    static List<ReviewRow> select(Candidates candidates, FulcrumModel model, Uncertainty measure, boolean diverse, int top, long seed) {
        int[] rows = candidates.rows();
        double[][] p = Scoring.probabilities(model, candidates, rows);
        List<Integer> order = new ArrayList<>();
        double[] score = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            score[i] = measure.score(p[i]);
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> -score[i]).thenComparingInt(i -> rows[i]));
        List<ReviewRow> chosen = new ArrayList<>();
        if (!diverse) {
            for (int i : order.subList(0, Math.min(top, order.size()))) {
                chosen.add(row(candidates, rows[i], p[i], score[i], reason(candidates, measure, p[i])));
            }
            return chosen;
        }
        List<Integer> pool = order.subList(0, Math.min(CANDIDATES_PER_ROW * top, order.size()));
        int[] poolRows = pool.stream().mapToInt(i -> rows[i]).toArray();
        double[][] points = lastTrunkLayer(model, candidates, poolRows);
        int k = Math.min(top, pool.size());
        KMeans clusters = KMeans.fit(points, k, seed);
        int[] sizes = clusters.sizes();
        boolean[] taken = new boolean[k];
        // pool is in decreasing uncertainty, so a cluster's first member is its most uncertain.
        for (int m = 0; m < pool.size(); m++) {
            int cluster = clusters.assignment()[m];
            if (!taken[cluster]) {
                taken[cluster] = true;
                int i = pool.get(m);
                chosen.add(row(candidates, rows[i], p[i], score[i], reason(candidates, measure, p[i])
                        + String.format(Locale.ROOT, "; cluster %d of %d (%d of the %d most uncertain rows)", cluster + 1, k,
                        sizes[cluster], pool.size())));
            }
        }
        return chosen;
    }

    private static double[][] lastTrunkLayer(FulcrumModel model, Candidates candidates, int[] rows) {
        INDArray features = model.transform(model.inRawSchema(candidates.raw().select(rows))).features();
        Map<String, INDArray> layers = TrunkActivations.of(model.network(), features);
        INDArray last = layers.get(model.network().trunkLayers().get(model.network().trunkLayers().size() - 1));
        return last.toDoubleMatrix();
    }

    private static ReviewRow row(Candidates candidates, int row, double[] p, double score, String reason) {
        int predicted = LabelIssueQuery.argmax(p);
        return new ReviewRow(candidates.ids()[row], candidates.task(), candidates.split(), candidates.givenName(row),
                candidates.classes().get(predicted), p[predicted], score, reason, row);
    }

    private static String reason(Candidates candidates, Uncertainty measure, double[] p) {
        int first = LabelIssueQuery.argmax(p);
        int second = ConfidentLearning.mostLikelyOther(p, first);
        String a = candidates.classes().get(first);
        String b = candidates.classes().get(second);
        return measure == Uncertainty.MARGIN
                ? String.format(Locale.ROOT, "margin p(%s)-p(%s)=%.4f-%.4f=%.4f", a, b, p[first], p[second], p[first] - p[second])
                : String.format(Locale.ROOT, "entropy %.4f nats; p(%s)=%.4f, p(%s)=%.4f", Uncertainty.entropy(p), a, p[first], b, p[second]);
    }
}
