package dev.fulcrum.plugins.featureaugmentation;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.adapt.DomainAdapter;
import dev.fulcrum.api.adapt.DomainAdapterFactory;
import org.pf4j.Extension;

@Extension
public final class FeatureAugmentationFactory implements DomainAdapterFactory<FeatureAugmentationParams> {

    @Override
    public String type() {
        return "feature-augmentation";
    }

    @Override
    public String description() {
        return "Frustratingly easy domain adaptation (Daume III 2007): each feature gets a shared copy and one copy per "
                + "domain (source -> [x, x, 0], target -> [x, 0, x]), so a model learns what carries over and what is "
                + "domain-specific; needs some labelled target rows (split.target-labelled > 0).";
    }

    @Override
    public Class<FeatureAugmentationParams> paramsType() {
        return FeatureAugmentationParams.class;
    }

    @Override
    public DomainAdapter create(FeatureAugmentationParams params, RunContext context) {
        return new FeatureAugmentation();
    }
}
