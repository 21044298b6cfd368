package dev.fulcrum.plugins.pruners;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.tune.Pruner;
import dev.fulcrum.api.tune.PrunerFactory;
import org.pf4j.Extension;

/** Runs every trial to its end: the study's baseline, and what a study without a pruner gets. */
@Extension
public final class NonePrunerFactory implements PrunerFactory<NonePrunerParams> {

    @Override
    public String type() {
        return "none";
    }

    @Override
    public String description() {
        return "Never prunes: every trial runs all its epochs.";
    }

    @Override
    public Class<NonePrunerParams> paramsType() {
        return NonePrunerParams.class;
    }

    @Override
    public Pruner create(NonePrunerParams params, RunContext context) {
        return (objectives, running, others) -> false;
    }
}
