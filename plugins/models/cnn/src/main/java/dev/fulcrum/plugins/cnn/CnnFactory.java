package dev.fulcrum.plugins.cnn;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.model.ModelArchitecture;
import dev.fulcrum.api.model.ModelArchitectureFactory;
import org.pf4j.Extension;

@Extension
public final class CnnFactory implements ModelArchitectureFactory<CnnParams> {

    @Override
    public String type() {
        return "cnn";
    }

    @Override
    public String description() {
        return "Convolutional network for image rows: convolutions conv-1..N with max pooling, dense layers dense-1..N, "
                + "shared by all tasks, and one softmax head per task.";
    }

    @Override
    public Class<CnnParams> paramsType() {
        return CnnParams.class;
    }

    @Override
    public ModelArchitecture create(CnnParams params, RunContext context) {
        return new CnnArchitecture(params);
    }
}
