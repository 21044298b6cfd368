package dev.fulcrum.plugins.domainstandardize;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.adapt.DomainAdapter;
import dev.fulcrum.api.adapt.DomainAdapterFactory;
import org.pf4j.Extension;

@Extension
public final class DomainStandardizeFactory implements DomainAdapterFactory<DomainStandardizeParams> {

    @Override
    public String type() {
        return "domain-standardize";
    }

    @Override
    public String description() {
        return "Per-domain standardisation: every domain's features are centred (and scaled) with that domain's own "
                + "training-row mean (and standard deviation), which undoes per-feature affine shifts such as a change of "
                + "brightness or contrast.";
    }

    @Override
    public Class<DomainStandardizeParams> paramsType() {
        return DomainStandardizeParams.class;
    }

    @Override
    public DomainAdapter create(DomainStandardizeParams params, RunContext context) {
        return new DomainStandardize(params.scale());
    }
}
