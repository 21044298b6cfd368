package dev.fulcrum.plugins.importanceweighting;

import dev.fulcrum.api.adapt.DomainAdapter;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.math.classify.LogisticRegression;
import dev.fulcrum.math.rows.DomainRows;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Importance weighting for covariate shift (Shimodaira 2000), with the density ratio estimated by
 * probabilistic classification (Bickel, Brueckner and Scheffer, ICML 2007): a logistic regression
 * tells source training rows (0) from target training rows (1); for a source row,
 * {@code p(target | x) / p(source | x)} is proportional to {@code p_target(x) / p_source(x)}. The
 * ratios are clipped at {@code clip} times their mean over source training rows, scaled to mean 1
 * there, and multiply the rows' existing sample weights; target rows keep theirs. The host's
 * trainer turns sample weights into per-row loss weights (DL4J label masks).
 */
final class ImportanceWeighting implements DomainAdapter {

    private final double c;
    private final double clip;
    private final int iterations;

    ImportanceWeighting(double c, double clip, int iterations) {
        this.c = c;
        this.clip = clip;
        this.iterations = iterations;
    }

    @Override
    public Dataset adapt(Dataset data) {
        DomainRows rows = DomainRows.of(data, "importance-weighting");
        int[] sourceTraining = rows.sourceTraining();
        int[] targetTraining = rows.targetTraining();
        INDArray features = Nd4j.vstack(rows.features(sourceTraining), rows.features(targetTraining));
        INDArray labels = Nd4j.vstack(Nd4j.zeros(DataType.DOUBLE, sourceTraining.length, 1),
                Nd4j.ones(DataType.DOUBLE, targetTraining.length, 1));
        LogisticRegression classifier = LogisticRegression.fit(features, labels, null, c, iterations);
        INDArray trainingOdds = odds(classifier.probabilities(rows.features(sourceTraining)));
        double cap = clip * trainingOdds.meanNumber().doubleValue();
        double clippedMean = Transforms.min(trainingOdds, cap, false).meanNumber().doubleValue();
        int[] source = rows.source();
        float[] importance = Transforms.min(odds(classifier.probabilities(rows.features(source))), cap, false)
                .divi(clippedMean).castTo(DataType.FLOAT).toFloatVector();
        float[] weights = data.weights();
        for (int i = 0; i < source.length; i++) {
            weights[source[i]] *= importance[i];
        }
        return data.withWeights(weights);
    }

    private static INDArray odds(INDArray probabilities) {
        return probabilities.div(probabilities.rsub(1.0));
    }
}
