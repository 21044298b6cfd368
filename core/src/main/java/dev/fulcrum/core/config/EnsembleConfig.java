package dev.fulcrum.core.config;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.params.AtLeast;
import dev.fulcrum.math.ensemble.CombineRule;

/**
 * An output ensemble of one pipeline ({@code ensemble:}): the members train one after another on
 * the same prepared rows, each with its own seed streams (model init, shuffle, augmentation), and
 * are combined per task. Bound like a component's params.
 */
public record EnsembleConfig(
        @Doc("how many models to train and combine") @AtLeast(2) Integer members,
        @Doc("what differs between members: seed (their own seed streams, the same training rows) or bootstrap "
                + "(also a bootstrap sample of the training rows each: bagging)") String vary,
        @Doc("how the members' probabilities are combined per task: soft (their mean), hard (majority vote), "
                + "weighted (a weighted mean, weights fitted on validation by ensemble selection) or stacking "
                + "(a multinomial logistic meta-learner fitted on the members' validation outputs)") String combine) {

    public static final String VARY_SEED = "seed";
    public static final String VARY_BOOTSTRAP = "bootstrap";

    public EnsembleConfig {
        if (members == null) {
            members = 5;
        }
        if (vary == null) {
            vary = VARY_SEED;
        }
        if (combine == null) {
            combine = CombineRule.SOFT.label();
        }
        if (!vary.equals(VARY_SEED) && !vary.equals(VARY_BOOTSTRAP)) {
            throw new InvalidParamsException("vary", "expected seed or bootstrap, got \"" + vary + "\"");
        }
        try {
            CombineRule.named(combine);
        } catch (IllegalArgumentException e) {
            throw new InvalidParamsException("combine", e.getMessage());
        }
    }

    /** The combination rule {@link #combine} names. */
    public CombineRule rule() {
        return CombineRule.named(combine);
    }

    public boolean bootstrap() {
        return vary.equals(VARY_BOOTSTRAP);
    }
}
