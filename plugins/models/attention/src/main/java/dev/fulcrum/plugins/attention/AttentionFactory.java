package dev.fulcrum.plugins.attention;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.model.ModelArchitecture;
import dev.fulcrum.api.model.ModelArchitectureFactory;
import org.pf4j.Extension;

@Extension
public final class AttentionFactory implements ModelArchitectureFactory<AttentionParams> {

    @Override
    public String type() {
        return "attention";
    }

    @Override
    public String description() {
        return "Self-attention encoder over image patches or feature tokens (DL4J SelfAttentionLayer blocks with "
                + "residual feed-forward layers), averaged, then dense layers shared by all tasks and one softmax head per task.";
    }

    @Override
    public Class<AttentionParams> paramsType() {
        return AttentionParams.class;
    }

    @Override
    public ModelArchitecture create(AttentionParams params, RunContext context) {
        return new AttentionArchitecture(params);
    }
}
