package dev.fulcrum.plugins.pretrainfinetune;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.train.TrainingStrategy;
import dev.fulcrum.api.train.TrainingStrategyFactory;
import org.pf4j.Extension;

@Extension
public final class PretrainFinetuneFactory implements TrainingStrategyFactory<PretrainFinetuneParams> {

    @Override
    public String type() {
        return "pretrain-finetune";
    }

    @Override
    public String description() {
        return "Pre-trains on the general task, then fine-tunes a fresh specific head: trunk freezing, ULMFiT-style "
                + "gradual unfreezing and discriminative learning rates, with defaults that keep the general task.";
    }

    @Override
    public Class<PretrainFinetuneParams> paramsType() {
        return PretrainFinetuneParams.class;
    }

    @Override
    public TrainingStrategy create(PretrainFinetuneParams params, RunContext context) {
        return new PretrainFinetune(params);
    }
}
