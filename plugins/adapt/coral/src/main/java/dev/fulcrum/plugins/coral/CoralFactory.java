package dev.fulcrum.plugins.coral;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.adapt.DomainAdapter;
import dev.fulcrum.api.adapt.DomainAdapterFactory;
import org.pf4j.Extension;

@Extension
public final class CoralFactory implements DomainAdapterFactory<CoralParams> {

    @Override
    public String type() {
        return "coral";
    }

    @Override
    public String description() {
        return "CORAL (Sun, Feng and Saenko 2016): whitens the source features and re-colours them with the target's "
                + "covariance, in closed form, so that a model trained on the source sees target-like correlations.";
    }

    @Override
    public Class<CoralParams> paramsType() {
        return CoralParams.class;
    }

    @Override
    public DomainAdapter create(CoralParams params, RunContext context) {
        return new Coral(params.regularizer());
    }
}
