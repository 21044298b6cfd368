package dev.fulcrum.core.train;

import dev.fulcrum.api.train.Interpolation;
import dev.fulcrum.api.train.InterpolationCurve;
import dev.fulcrum.api.train.InterpolationCurve.Point;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/**
 * What a run's interpolation did, for the summary: its settings, the validation curve, the chosen
 * point, whether the rule's constraint was met, theta_1 (the model as the strategy's phases left it,
 * BatchNorm statistics included) and the sweep's seconds.
 */
public record InterpolationOutcome(Interpolation settings, InterpolationCurve curve, Point chosen, boolean ruleMet,
                                   Map<String, INDArray> fineTuned, double seconds) {
}
