package dev.fulcrum.plugins.mixup;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.augment.Augmenter;
import dev.fulcrum.api.augment.AugmenterFactory;
import dev.fulcrum.api.augment.Batch;
import dev.fulcrum.math.random.RandomArrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.pf4j.Extension;

import java.util.SplittableRandom;

/**
 * mixup (Zhang, Cisse, Dauphin and Lopez-Paz, "mixup: Beyond Empirical Risk Minimization", ICLR 2018):
 * {@code x' = l x_i + (1 - l) x_j} and the same for the targets, with {@code j} a random partner and
 * {@code l ~ Beta(alpha, alpha)} drawn per row rather than per mini-batch.
 */
@Extension
public final class MixupFactory implements AugmenterFactory<MixupParams> {

    @Override
    public String type() {
        return "mixup";
    }

    @Override
    public String description() {
        return "Replaces each training row by a mix of itself and a random partner, targets mixed alike (mixup).";
    }

    @Override
    public Class<MixupParams> paramsType() {
        return MixupParams.class;
    }

    @Override
    public Augmenter create(MixupParams params, RunContext context) {
        return (rows, seed) -> mix(rows, params.alpha(), new SplittableRandom(seed));
    }

    private static Batch mix(Batch rows, double alpha, SplittableRandom random) {
        if (rows.rows() < 2) {
            return rows;
        }
        int[] partners = RandomArrays.permutation(rows.rows(), random);
        INDArray share = RandomArrays.beta(alpha, alpha, rows.rows(), random);
        INDArray features = rows.features();
        INDArray mixed = features.mulColumnVector(share)
                .addi(Nd4j.pullRows(features, 1, partners).muliColumnVector(share.rsub(1)));
        return rows.mixed(partners, share, mixed);
    }
}
