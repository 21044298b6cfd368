package dev.fulcrum.api.train;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.Stable;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.model.TrainableModel;

import java.util.Map;

/**
 * The host's training loop, as a strategy sees it. The host owns the mini-batching, augmentation,
 * per-epoch validation, metrics, progress and early stopping; a strategy decides which phases to
 * run. Strategies never see the test rows.
 */
@Stable
public interface TrainingSession {

    TrainableModel model();

    Schema schema();

    /** Training rows that carry a label for the task (0 if the task is absent). */
    int trainingRows(String task);

    /** Runs a phase to its end or until it stops early. */
    PhaseResult fit(Phase phase);

    /** Validation metrics now, per task then per metric (see {@link dev.fulcrum.api.MetricNames}). */
    Map<String, Map<String, Double>> validate();

    RunContext context();
}
