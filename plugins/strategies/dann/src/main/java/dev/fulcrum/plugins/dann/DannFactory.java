package dev.fulcrum.plugins.dann;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.train.DomainAdversary;
import dev.fulcrum.api.train.Phase;
import dev.fulcrum.api.train.TrainingStrategy;
import dev.fulcrum.api.train.TrainingStrategyFactory;
import org.pf4j.Extension;

/**
 * DANN (Ganin et al., JMLR 2016) as one phase: the host attaches the domain classifier behind a
 * gradient reversal layer and trains on labelled and unlabelled rows together, with the reversal
 * following Ganin's schedule.
 */
@Extension
public final class DannFactory implements TrainingStrategyFactory<DannParams> {

    @Override
    public String type() {
        return "dann";
    }

    @Override
    public String description() {
        return "Domain-adversarial training (DANN, Ganin et al. 2016): the tasks learn from labelled rows while a domain "
                + "classifier behind a gradient reversal layer, fed labelled and unlabelled rows alike, pushes the trunk "
                + "towards features that do not tell source from target; lambda follows 2/(1+exp(-gamma p)) - 1.";
    }

    @Override
    public Class<DannParams> paramsType() {
        return DannParams.class;
    }

    @Override
    public TrainingStrategy create(DannParams params, RunContext context) {
        DomainAdversary adversary = DomainAdversary.ganin(params.domainHidden(), params.maxLambda(), params.gamma());
        return session -> {
            Phase.Builder phase = Phase.named("dann")
                    .epochs(params.epochs())
                    .batchSize(params.batchSize())
                    .learningRate(params.learningRate())
                    .earlyStopping(params.earlyStopping())
                    .domainAdversary(adversary);
            params.tasks().forEach(phase::task);
            session.fit(phase.build());
        };
    }
}
