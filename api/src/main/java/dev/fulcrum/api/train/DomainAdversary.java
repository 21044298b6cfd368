package dev.fulcrum.api.train;

import dev.fulcrum.api.Experimental;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Domain-adversarial training (DANN: Ganin et al., "Domain-Adversarial Training of Neural
 * Networks", JMLR 2016): for the length of a phase, the host attaches a domain classifier to the
 * model's last trunk layer through a gradient reversal layer, and trains on every training row,
 * labelled or not: task heads learn from labelled rows, the domain classifier learns to tell the
 * rows' domains apart, and the trunk, receiving the classifier's gradient reversed and scaled by
 * {@code lambda}, learns features that do not tell them apart. The classifier is removed after the
 * phase; the model keeps its trunk and heads.
 *
 * @param hidden sizes of the domain classifier's hidden layers (ReLU), trunk side first
 * @param lambda the reversal's scale as a function of training progress {@code p} in [0, 1], the
 *               fraction of the phase's mini-batches done
 */
@Experimental
public record DomainAdversary(List<Integer> hidden, DoubleUnaryOperator lambda) {

    /** The name of the domain classifier's output while it is attached; no task may have it. */
    public static final String OUTPUT = "domain";

    public DomainAdversary {
        hidden = List.copyOf(hidden);
        if (hidden.stream().anyMatch(size -> size < 1)) {
            throw new IllegalArgumentException("hidden layer sizes must be positive, got " + hidden);
        }
    }

    /**
     * Ganin et al.'s schedule {@code lambda_p = max (2 / (1 + exp(-gamma p)) - 1)}: 0 at the start,
     * when the domain classifier is still noise, rising towards {@code max}; they use gamma = 10.
     */
    public static DomainAdversary ganin(List<Integer> hidden, double max, double gamma) {
        return new DomainAdversary(hidden, p -> max * (2 / (1 + Math.exp(-gamma * p)) - 1));
    }
}
