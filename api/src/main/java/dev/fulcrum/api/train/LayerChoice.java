package dev.fulcrum.api.train;

import dev.fulcrum.api.Experimental;

import java.util.List;

/**
 * How a strategy chose which trunk layers to freeze from what they already know, for the summary
 * ({@code training.layer_choice}): each candidate cut's score, the rule and the cut it picked.
 *
 * @param score      what was measured per candidate (for example {@code logme} or {@code probe})
 * @param rule       the rule that picked the cut, in words
 * @param tolerance  the rule's tolerance, in the score's units
 * @param rows       the rows each candidate was measured on
 * @param candidates input side first: the raw input (freeze nothing), then each trunk layer
 * @param freeze     the chosen cut, as the strategy's {@code freeze} values name it
 * @param reason     why that cut, in words
 * @param seconds    how long measuring and choosing took
 */
@Experimental
public record LayerChoice(String score, String rule, double tolerance, int rows, List<Candidate> candidates,
                          String freeze, String reason, double seconds) {

    public LayerChoice {
        candidates = List.copyOf(candidates);
    }

    /**
     * One cut: the layer whose output the trained part would start from, what freezing there means
     * and that output's score.
     *
     * @param layer  a trunk layer, or {@link #INPUT} for the model's input
     * @param freeze the {@code freeze} value of this cut
     */
    public record Candidate(String layer, String freeze, double score) {

        /** The {@code layer} of the cut that freezes nothing. */
        public static final String INPUT = "input";
    }
}
