package dev.fulcrum.plugins.pretrainfinetune;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.train.LayerRates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trunk's learning-rate multipliers in each epoch of fine-tuning, from the config and the epoch
 * alone. A trunk layer {@code d} layers below the head (the top trunk layer has {@code d = 1}) trains
 * at {@code decay^-d} once unfrozen: ULMFiT's discriminative fine-tuning, {@code eta^(l-1) = eta^l / 2.6}
 * (Howard and Ruder, 2018). With gradual unfreezing, in epoch {@code e} the top
 * {@code floor(e / every)} trainable trunk layers are unfrozen and the rest are at 0; layers that
 * {@code freeze} names stay at 0 throughout. The head is left out, so it trains at the phase's rate.
 */
final class FineTuneSchedule implements LayerRates {

    /** Trunk layers, input side first. */
    private final List<String> trunk;
    /** How many trunk layers from the input side never train. */
    private final int frozen;
    private final int unfreezeEvery;
    private final double decay;

    FineTuneSchedule(List<String> trunk, String freeze, int unfreezeEvery, double decay) {
        this.trunk = List.copyOf(trunk);
        this.frozen = frozenCount(trunk, freeze);
        this.unfreezeEvery = unfreezeEvery;
        this.decay = decay;
    }

    private static int frozenCount(List<String> trunk, String freeze) {
        if (freeze.equals(PretrainFinetuneParams.FREEZE_NONE)) {
            return 0;
        }
        if (freeze.equals(PretrainFinetuneParams.FREEZE_TRUNK)) {
            return trunk.size();
        }
        int index = trunk.indexOf(freeze);
        if (index < 0) {
            throw new InvalidInputException("strategy.freeze: the model has no trunk layer \"" + freeze
                    + "\"; expected none, trunk, auto or one of " + trunk);
        }
        return index + 1;
    }

    @Override
    public Map<String, Double> at(int epoch) {
        int trainable = trunk.size() - frozen;
        int unfrozen = unfreezeEvery == 0 ? trainable : Math.min(trainable, epoch / unfreezeEvery);
        Map<String, Double> rates = new LinkedHashMap<>();
        for (int i = 0; i < trunk.size(); i++) {
            int depth = trunk.size() - i;
            rates.put(trunk.get(i), depth <= unfrozen ? Math.pow(decay, -depth) : 0.0);
        }
        return rates;
    }
}
