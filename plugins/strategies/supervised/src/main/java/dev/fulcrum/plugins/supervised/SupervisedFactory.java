package dev.fulcrum.plugins.supervised;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.train.Phase;
import dev.fulcrum.api.train.TrainingStrategy;
import dev.fulcrum.api.train.TrainingStrategyFactory;
import org.pf4j.Extension;

@Extension
public final class SupervisedFactory implements TrainingStrategyFactory<SupervisedParams> {

    @Override
    public String type() {
        return "supervised";
    }

    @Override
    public String description() {
        return "One phase: the trunk and the heads of the listed tasks learn together from their labelled rows, "
                + "with early stopping on a validation metric.";
    }

    @Override
    public Class<SupervisedParams> paramsType() {
        return SupervisedParams.class;
    }

    @Override
    public TrainingStrategy create(SupervisedParams params, RunContext context) {
        return session -> {
            Phase.Builder phase = Phase.named("supervised")
                    .epochs(params.epochs())
                    .batchSize(params.batchSize())
                    .learningRate(params.learningRate())
                    .earlyStopping(params.earlyStopping())
                    .averageWeights(params.average());
            params.tasks().forEach(phase::task);
            session.fit(phase.build());
        };
    }
}
