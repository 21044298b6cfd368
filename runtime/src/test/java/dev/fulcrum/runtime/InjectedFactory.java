package dev.fulcrum.runtime;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.api.features.FeatureExtractorFactory;

/** A factory that only an injector could make: it has no no-argument constructor. */
public final class InjectedFactory implements FeatureExtractorFactory<ShiftFactory.Params> {

    private final String name;

    public InjectedFactory(String name) {
        this.name = name;
    }

    @Override
    public String type() {
        return name;
    }

    @Override
    public String description() {
        return "needs injection";
    }

    @Override
    public Class<ShiftFactory.Params> paramsType() {
        return ShiftFactory.Params.class;
    }

    @Override
    public FeatureExtractor create(ShiftFactory.Params params, RunContext context) {
        throw new UnsupportedOperationException();
    }
}
