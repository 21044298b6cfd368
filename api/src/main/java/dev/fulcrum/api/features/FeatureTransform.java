package dev.fulcrum.api.features;

import dev.fulcrum.api.Stable;
import dev.fulcrum.api.data.Dataset;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/** A fitted feature transform: same rows in, new feature columns out. */
@Stable
public interface FeatureTransform {

    Dataset apply(Dataset data);

    /**
     * What was learnt from the training rows (means, components, ...), by name. The host saves it in
     * {@code model.zip}, and {@link FeatureExtractor#restore} rebuilds this transform from it, so that
     * prediction later applies exactly the same transform. Empty for a transform that learns nothing.
     */
    Map<String, INDArray> state();
}
