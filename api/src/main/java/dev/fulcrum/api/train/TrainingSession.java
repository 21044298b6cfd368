package dev.fulcrum.api.train;

import dev.fulcrum.api.Experimental;
import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.Stable;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.model.LayerActivations;
import dev.fulcrum.api.model.TrainableModel;
import org.nd4j.linalg.api.ndarray.INDArray;

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

    /**
     * Says that the phases from here on train the specific task on a model that was first trained on
     * general data. The host measures the general task's test accuracy at this moment (a strategy
     * never sees test rows itself); the summary reports it as {@code balance.general_before}, and its
     * drop by the end of training as {@code balance.forgetting}. Call it once, before the first phase
     * that trains the specific task; strategies without a general-only stretch do not call it.
     *
     * @throws IllegalStateException when called a second time
     */
    void specificTrainingStarts();

    /**
     * Interpolates every weight between theta_0 (kept by a phase, see
     * {@link Phase.Builder#keepStartingPointAfter(int)}) and the model now, evaluates both tasks on
     * validation at each alpha of the grid, and leaves the model at the alpha the rule chooses.
     * Parameters that are not weights (BatchNorm's running statistics) are re-estimated on training
     * rows after interpolating, not averaged; the updater's state is not interpolated. The summary
     * reports the curve as {@code balance.curve}. Call it once, after the last phase.
     *
     * @throws dev.fulcrum.api.InvalidInputException when no phase kept theta_0
     * @throws IllegalStateException                 when called a second time
     */
    @Experimental
    InterpolationCurve interpolate(Interpolation settings);

    /**
     * Each trunk layer's output, in inference mode, on training rows labelled for the task: all of
     * them, or a seeded sample of {@code maxRows} where there are more, kept in row order. Not
     * augmented. For choosing what to train by what the layers already know (a linear probe, LogME).
     *
     * @throws dev.fulcrum.api.InvalidInputException when the task has no labelled training rows
     */
    @Experimental
    LayerActivations trunkActivations(String task, int maxRows);

    /**
     * The model's input on the rows {@link #trunkActivations(String, int)} measures with the same
     * arguments, in the same order, rows x features (the input side of the first trunk layer).
     *
     * @throws dev.fulcrum.api.InvalidInputException when the task has no labelled training rows
     */
    @Experimental
    INDArray trainingInputs(String task, int maxRows);

    /**
     * Records how the strategy chose the layers it freezes from their measured scores; the summary
     * reports it as {@code training.layer_choice}. Call it at most once.
     *
     * @throws IllegalStateException when called a second time
     */
    @Experimental
    void reportLayerChoice(LayerChoice choice);

    /** Validation metrics now, per task then per metric (see {@link dev.fulcrum.api.MetricNames}). */
    Map<String, Map<String, Double>> validate();

    RunContext context();
}
