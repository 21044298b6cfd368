package dev.fulcrum.plugins.pruners;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.tune.Pruner;
import dev.fulcrum.api.tune.PrunerFactory;
import org.pf4j.Extension;

@Extension
public final class AshaPrunerFactory implements PrunerFactory<AshaPrunerParams> {

    @Override
    public String type() {
        return "asha";
    }

    @Override
    public String description() {
        return "Asynchronous Successive Halving (Li et al. 2020): at each rung epoch a trial goes on only if it is among the best "
                + "1 / reduction-factor of the trials that reached the rung (at least one); with several objectives the best are "
                + "the first non-dominated fronts, or the primary objective alone ranks.";
    }

    @Override
    public Class<AshaPrunerParams> paramsType() {
        return AshaPrunerParams.class;
    }

    @Override
    public Pruner create(AshaPrunerParams params, RunContext context) {
        return new AshaPruner(params);
    }
}
