package dev.fulcrum.plugins.mlp;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.model.ModelArchitecture;
import dev.fulcrum.api.model.ModelArchitectureFactory;
import org.pf4j.Extension;

@Extension
public final class MlpFactory implements ModelArchitectureFactory<MlpParams> {

    @Override
    public String type() {
        return "mlp";
    }

    @Override
    public String description() {
        return "Multilayer perceptron: dense trunk layers dense-1..N shared by all tasks, one softmax head per task.";
    }

    @Override
    public Class<MlpParams> paramsType() {
        return MlpParams.class;
    }

    @Override
    public ModelArchitecture create(MlpParams params, RunContext context) {
        return new MlpArchitecture(params);
    }
}
