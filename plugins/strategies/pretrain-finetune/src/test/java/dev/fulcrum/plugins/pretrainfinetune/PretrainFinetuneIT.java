package dev.fulcrum.plugins.pretrainfinetune;

import dev.fulcrum.core.host.Family;
import dev.fulcrum.testkit.PluginContract;

import java.util.List;
import java.util.Map;

class PretrainFinetuneIT extends PluginContract {

    @Override
    protected String pluginId() {
        return "pretrain-finetune";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.STRATEGY, List.of("pretrain-finetune"));
    }
}
