package dev.fulcrum.plugins.samplers;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.params.AtLeast;
import dev.fulcrum.api.params.Range;

import java.util.List;

/** The defaults are those of Optuna's {@code NSGAIISampler}. */
public record Nsga2SamplerParams(
        @Doc("complete trials per generation; the first generation is drawn at random") @AtLeast(2) Integer populationSize,
        @Doc("chance that a child's parameter is drawn afresh at random instead of inherited (default: 1 / the number of parameters)") @Range("[0, 1]") Double mutationProb,
        @Doc("how two parents mix: uniform (each parameter from either parent) or sbx (simulated binary crossover, with chance one half, of each float without a step; uniform for the rest)") String crossover,
        @Doc("chance that a child has two parents rather than being a copy of one") @Range("[0, 1]") Double crossoverProb,
        @Doc("in uniform crossover, the chance that a parameter comes from the second parent") @Range("[0, 1]") Double swappingProb) {

    public static final String UNIFORM = "uniform";
    public static final String SBX = "sbx";

    public Nsga2SamplerParams {
        populationSize = populationSize == null ? 50 : populationSize;
        crossover = crossover == null ? UNIFORM : crossover;
        crossoverProb = crossoverProb == null ? 0.9 : crossoverProb;
        swappingProb = swappingProb == null ? 0.5 : swappingProb;
        if (!List.of(UNIFORM, SBX).contains(crossover)) {
            throw new InvalidParamsException("crossover", "expected uniform or sbx, got \"" + crossover + "\"");
        }
    }
}
