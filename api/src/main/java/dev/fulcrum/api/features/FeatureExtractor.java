package dev.fulcrum.api.features;

import dev.fulcrum.api.Stable;
import dev.fulcrum.api.data.Dataset;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/**
 * Learns a transform of the feature columns from the training rows only; the host then applies it
 * to every split, and saves its state with the model.
 */
@Stable
public interface FeatureExtractor {

    /** @param training the training rows; the extractor must not look at other rows */
    FeatureTransform fit(Dataset training);

    /** The transform {@link #fit} made, rebuilt from its {@link FeatureTransform#state()}. */
    FeatureTransform restore(Map<String, INDArray> state);
}
