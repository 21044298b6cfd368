package dev.fulcrum.plugins.logistic;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.model.ModelArchitecture;
import dev.fulcrum.api.model.ModelArchitectureFactory;
import org.pf4j.Extension;

@Extension
public final class LogisticFactory implements ModelArchitectureFactory<LogisticParams> {

    @Override
    public String type() {
        return "logistic";
    }

    @Override
    public String description() {
        return "Multinomial logistic regression: no trunk, one softmax output layer per task straight on the features, "
                + "with an L2 penalty; the linear baseline of the domain-adaptation literature.";
    }

    @Override
    public Class<LogisticParams> paramsType() {
        return LogisticParams.class;
    }

    @Override
    public ModelArchitecture create(LogisticParams params, RunContext context) {
        return new LogisticArchitecture(params.l2());
    }
}
