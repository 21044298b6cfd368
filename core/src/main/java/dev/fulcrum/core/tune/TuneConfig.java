package dev.fulcrum.core.tune;

import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.SearchSpace;
import dev.fulcrum.core.config.BudgetConfig;
import dev.fulcrum.core.config.ComponentSpec;
import dev.fulcrum.runtime.config.ConfigPath;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The {@code tune:} section of a pipeline, read and checked for form; {@link StudyValidator} checks
 * it against the pipeline and the plugins.
 *
 * @param seed       the seed of the sampler's draws: {@code tune.seed}, else the pipeline's
 * @param declared   parameter path to where it is declared ({@code tune.parameters.strategy.learning-rate})
 * @param sampler    the sampler's type and params, at {@code tune.sampler}
 * @param pruner     the pruner's type and params, at {@code tune.pruner}
 * @param timeout    no trial starts after this much wall time of one {@code fulcrum tune}, or {@code null}
 * @param budget     what the study's trials may spend on training, all together ({@link StudySpending}), or {@code null}
 * @param select     picks the selected trial ({@code best.yaml}) from the front, or {@code null}
 * @param cluster    the engine that runs the trials ({@code tune.parallel: {type: spark, ...}}), or {@code null}
 *                   for {@code parallel} worker processes on this machine
 * @param storage    the PostgreSQL database holding the study, or {@code null} for SQLite in the study folder
 */
public record TuneConfig(String name, long seed, List<Objective> objectives, SearchSpace space, Map<String, ConfigPath> declared,
                         ComponentSpec sampler, ComponentSpec pruner, int trials, Duration timeout, BudgetConfig budget, int parallel,
                         int maxFailed, KeepModels keepModels, SelectRule select, ClusterSpec cluster,
                         PostgresUrl storage) {

    public TuneConfig {
        objectives = List.copyOf(objectives);
        declared = Map.copyOf(declared);
    }

    /** This study on {@code database}: a joining worker's own URL of it, which may name the host otherwise. */
    TuneConfig withStorage(PostgresUrl database) {
        return new TuneConfig(name, seed, objectives, space, declared, sampler, pruner, trials, timeout, budget, parallel, maxFailed,
                keepModels, select, cluster, database.withoutStudy());
    }
}
