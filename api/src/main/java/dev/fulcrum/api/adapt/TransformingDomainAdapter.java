package dev.fulcrum.api.adapt;

import dev.fulcrum.api.Experimental;
import dev.fulcrum.api.data.Dataset;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/**
 * A domain adapter whose change of the features is a {@link DomainTransform}: the host fits it on
 * the run's rows, applies it to them, and saves it with the model, so that {@code fulcrum predict}
 * and {@code FulcrumModel} adapt new rows of a known domain exactly as the run's rows were. An
 * adapter that only weights rows needs none of this (new rows pass as they are); a plain
 * {@link DomainAdapter} that changes features makes a model that refuses new rows, naming it.
 */
@Experimental
public interface TransformingDomainAdapter extends DomainAdapter {

    /** Learns the transform by {@link DomainAdapter}'s rules: from source training rows and target features only. */
    DomainTransform fit(Dataset data);

    /** The transform {@link #fit} made, rebuilt from its {@link DomainTransform#state()}. */
    DomainTransform restore(Map<String, INDArray> state);

    @Override
    default Dataset adapt(Dataset data) {
        return fit(data).apply(data);
    }
}
