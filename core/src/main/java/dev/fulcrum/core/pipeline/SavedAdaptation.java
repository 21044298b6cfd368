package dev.fulcrum.core.pipeline;

import dev.fulcrum.runtime.AdaptationAtPrediction;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/** What one domain adapter leaves for rows predicted later: {@code model.json}'s record of it and the state saved beside. */
record SavedAdaptation(String type, AdaptationAtPrediction atPrediction, Map<String, INDArray> state) {

    SavedAdaptation {
        state = Map.copyOf(state);
    }
}
