package dev.fulcrum.plugins.pruners;

import dev.fulcrum.api.tune.Pruner;
import dev.fulcrum.testkit.PrunerContract;

class NonePrunerTest extends PrunerContract {

    @Override
    protected Pruner pruner() {
        return new NonePrunerFactory().create(new NonePrunerParams(), null);
    }

    @Override
    protected boolean prunesSome() {
        return false;
    }
}
