package dev.fulcrum.core.tune;

import dev.fulcrum.api.tune.Pruner;
import dev.fulcrum.api.tune.Sampler;
import dev.fulcrum.core.config.PipelineConfig;
import dev.fulcrum.core.pipeline.Resolved;

import java.util.Map;

/**
 * A study checked against its pipeline and the plugins, ready to run.
 *
 * @param pipeline  the base pipeline: the file with the command line's overrides and seed
 * @param trialZero the values trial 0 (the pipeline as written) runs with
 */
public record StudyPlan(PipelineConfig pipeline, TuneConfig tune, Resolved<Sampler> sampler, Resolved<Pruner> pruner,
                        Map<String, Object> trialZero) {

    /** The study's seed ({@code tune.seed}, else the pipeline's); each trial's draws derive from it and the trial's number. */
    public long seed() {
        return tune.seed();
    }
}
