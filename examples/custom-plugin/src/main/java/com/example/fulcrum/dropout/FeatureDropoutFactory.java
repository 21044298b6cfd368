package com.example.fulcrum.dropout;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.augment.Augmenter;
import dev.fulcrum.api.augment.AugmenterFactory;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.pf4j.Extension;

/**
 * Zeroes a random fraction of the feature values of the training rows, anew every epoch, so the
 * model cannot lean on any single feature. {@code @Extension} puts the factory in the jar's
 * extension index, which is how the host finds it.
 */
@Extension
public class FeatureDropoutFactory implements AugmenterFactory<FeatureDropoutParams> {

    @Override
    public String type() {
        return "feature-dropout";
    }

    @Override
    public String description() {
        return "Zeroes a random fraction of each training row's feature values every epoch.";
    }

    @Override
    public Class<FeatureDropoutParams> paramsType() {
        return FeatureDropoutParams.class;
    }

    @Override
    public Augmenter create(FeatureDropoutParams params, RunContext context) {
        return (rows, seed) -> {
            INDArray features = rows.features();
            Random random = Nd4j.getRandomFactory().getNewRandomInstance(seed);
            INDArray keep = Nd4j.rand(random, features.shape()).gt(params.rate()).castTo(features.dataType());
            return rows.withFeatures(features.mul(keep));
        };
    }
}
