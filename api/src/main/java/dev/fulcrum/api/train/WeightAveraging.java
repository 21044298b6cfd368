package dev.fulcrum.api.train;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.Experimental;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.params.AtLeast;
import dev.fulcrum.api.params.Range;

/**
 * Averaging a phase's weights over its last stretch of training, so the phase ends at the average
 * instead of at its last (or, with early stopping, its best) weights. {@code swa}: stochastic weight
 * averaging (Izmailov et al. 2018, arXiv 1803.05407), the equal average of the weights at the end of
 * each of the last {@code epochs} epochs the phase ran. {@code ema}: an exponential moving average of
 * the weights, updated after every mini-batch from the phase's first one,
 * {@code ema <- decay * ema + (1 - decay) * w}: per iteration, not per epoch, because a phase on scarce
 * specific rows has a handful of batches per epoch, and with a decay {@code d} the average spans about
 * {@code 1 / (1 - d)} iterations. BatchNorm running statistics are not averaged but measured again on
 * the phase's training rows; the updater's state is never averaged. With early stopping, the average
 * covers the epochs the phase actually ran (to the stop) and replaces the best epoch's weights that
 * early stopping would have kept. Usable as a nested params record: {@code average: {}} is SWA over
 * the last 5 epochs.
 *
 * @param type   {@link #SWA} (default) or {@link #EMA}
 * @param epochs with {@code swa}: how many of the last epochs are averaged (default 5; all epochs run where fewer)
 * @param decay  with {@code ema}: the share of the average kept at each iteration (default 0.99)
 */
@Experimental
public record WeightAveraging(
        @Doc("swa (the equal average of the weights at the end of each of the last epochs) or ema (an exponential moving average of the weights, updated every mini-batch)") String type,
        @Doc("with type swa: how many of the phase's last epochs are averaged (all epochs run where the phase ran fewer)") @AtLeast(1) Integer epochs,
        @Doc("with type ema: the share of the average kept at each mini-batch; the average spans about 1 / (1 - decay) mini-batches") @Range("[0, 1)") Double decay) {

    public static final String SWA = "swa";
    public static final String EMA = "ema";

    public WeightAveraging {
        type = type == null ? SWA : type;
        if (!type.equals(SWA) && !type.equals(EMA)) {
            throw new InvalidParamsException("type", "expected swa or ema, got \"" + type + "\"");
        }
        if (type.equals(SWA)) {
            epochs = epochs == null ? 5 : epochs;
            if (decay != null) {
                throw new InvalidParamsException("decay", "applies to type ema only; type swa averages the last epochs equally");
            }
        } else {
            decay = decay == null ? 0.99 : decay;
            if (epochs != null) {
                throw new InvalidParamsException("epochs", "applies to type swa only; type ema averages every mini-batch of the "
                        + "phase with its decay");
            }
        }
    }

    /** {@code swa over the last 5 epochs} or {@code ema with decay 0.99}, for messages and the summary. */
    public String describe() {
        return type.equals(SWA) ? "swa over the last " + epochs + " epochs" : "ema with decay " + decay;
    }
}
