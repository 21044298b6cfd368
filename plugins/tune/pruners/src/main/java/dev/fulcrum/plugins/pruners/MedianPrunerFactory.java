package dev.fulcrum.plugins.pruners;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.tune.Pruner;
import dev.fulcrum.api.tune.PrunerFactory;
import org.pf4j.Extension;

@Extension
public final class MedianPrunerFactory implements PrunerFactory<MedianPrunerParams> {

    @Override
    public String type() {
        return "median";
    }

    @Override
    public String description() {
        return "Prunes a trial whose best value so far is worse than the median of the complete and pruned trials at the same epoch "
                + "(Optuna's MedianPruner); with several objectives, when the point of the per-objective medians dominates "
                + "the trial's point of best values, or by the primary objective alone.";
    }

    @Override
    public Class<MedianPrunerParams> paramsType() {
        return MedianPrunerParams.class;
    }

    @Override
    public Pruner create(MedianPrunerParams params, RunContext context) {
        return new MedianPruner(params);
    }
}
