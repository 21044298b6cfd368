package dev.fulcrum.plugins.gaussiannoise;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.augment.Augmenter;
import dev.fulcrum.api.augment.AugmenterFactory;
import dev.fulcrum.math.random.RandomArrays;
import org.pf4j.Extension;

@Extension
public final class GaussianNoiseFactory implements AugmenterFactory<GaussianNoiseParams> {

    @Override
    public String type() {
        return "gaussian-noise";
    }

    @Override
    public String description() {
        return "Adds fresh seeded Gaussian noise to every feature of the training rows each epoch.";
    }

    @Override
    public Class<GaussianNoiseParams> paramsType() {
        return GaussianNoiseParams.class;
    }

    @Override
    public Augmenter create(GaussianNoiseParams params, RunContext context) {
        double std = params.std();
        return (rows, seed) -> rows.withFeatures(
                RandomArrays.gaussian(seed, rows.features().shape()).muli(std).addi(rows.features()));
    }
}
