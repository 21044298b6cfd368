package dev.fulcrum.api.train;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.Experimental;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.params.AtLeast;
import dev.fulcrum.api.params.Range;

import java.util.ArrayList;
import java.util.List;

/**
 * Weight-space interpolation between the model as specific training starts (theta_0, kept with
 * {@link Phase.Builder#keepStartingPointAfter(int)}) and the fine-tuned model (theta_1):
 * {@code theta(alpha) = (1 - alpha) theta_0 + alpha theta_1}, WiSE-FT (Wortsman et al. 2022,
 * arXiv 2109.01903). Usable directly as a nested params record: {@code interpolate: {}} turns it on
 * with the defaults.
 *
 * @param alphas      the grid, each in [0, 1]; default 0, 0.1, ..., 1
 * @param rule        {@link #RULE_MEAN} or {@link #RULE_SPECIFIC}
 * @param minGeneral  with {@link #RULE_SPECIFIC}: the least general validation accuracy allowed
 * @param probeEpochs where a strategy trains no head alone before the trunk moves, the epochs it
 *                    trains the specific head alone first, so that theta_0's head is a trained
 *                    linear probe (LP-FT, Kumar et al. 2022)
 */
@Experimental
public record Interpolation(
        @Doc("the alphas to evaluate on validation, 0 = the model as specific training starts, 1 = the fine-tuned model") List<Double> alphas,
        @Doc("how alpha is chosen on validation: mean (the best mean of specific and general accuracy) or specific (the best specific accuracy with general at least min-general)") String rule,
        @Doc("with rule specific: the least general validation accuracy an alpha must keep") @Range("[0, 1]") Double minGeneral,
        @Doc("where the strategy's settings train no head alone before the trunk, epochs of training the specific head alone to make theta_0") @AtLeast(1) Integer probeEpochs) {

    public static final String RULE_MEAN = "mean";
    public static final String RULE_SPECIFIC = "specific";

    public Interpolation {
        alphas = alphas == null ? defaultGrid() : List.copyOf(alphas);
        rule = rule == null ? RULE_MEAN : rule;
        probeEpochs = probeEpochs == null ? 5 : probeEpochs;
        if (alphas.isEmpty()) {
            throw new InvalidParamsException("alphas", "name at least one alpha, or leave it out for 0, 0.1, ..., 1");
        }
        for (double alpha : alphas) {
            if (!(alpha >= 0 && alpha <= 1)) {
                throw new InvalidParamsException("alphas", "every alpha must be in [0, 1], got " + alpha);
            }
        }
        if (!rule.equals(RULE_MEAN) && !rule.equals(RULE_SPECIFIC)) {
            throw new InvalidParamsException("rule", "expected mean or specific, got \"" + rule + "\"");
        }
        if (rule.equals(RULE_SPECIFIC) && minGeneral == null) {
            throw new InvalidParamsException("min-general", "rule specific needs the least general accuracy to keep");
        }
        if (rule.equals(RULE_MEAN) && minGeneral != null) {
            throw new InvalidParamsException("min-general", "applies to rule specific only; rule is mean");
        }
    }

    private static List<Double> defaultGrid() {
        List<Double> grid = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            grid.add(i / 10.0);
        }
        return List.copyOf(grid);
    }
}
