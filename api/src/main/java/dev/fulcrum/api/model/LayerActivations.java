package dev.fulcrum.api.model;

import dev.fulcrum.api.Experimental;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each trunk layer outputs on a set of rows, with the rows' labels for one task: the input of
 * a linear probe, a transferability score (LogME, LEEP) or a similarity index (CKA). Each layer's
 * activations are a rows x units matrix; convolutional and sequence outputs are flattened per row.
 *
 * @param byLayer per trunk layer, input side first, a rows x units matrix
 * @param labels  each row's class for the task, in the matrices' row order
 * @param classes the task's number of classes
 */
@Experimental
public record LayerActivations(Map<String, INDArray> byLayer, int[] labels, int classes) {

    public LayerActivations {
        byLayer = Collections.unmodifiableMap(new LinkedHashMap<>(byLayer));
        labels = labels.clone();
        for (Map.Entry<String, INDArray> layer : byLayer.entrySet()) {
            INDArray activations = layer.getValue();
            if (activations.rank() != 2 || activations.rows() != labels.length) {
                throw new IllegalArgumentException("activations of " + layer.getKey() + " must be " + labels.length
                        + " rows x units, got shape " + Arrays.toString(activations.shape()));
            }
        }
    }

    /** Trunk layers, input side first. */
    public List<String> layers() {
        return List.copyOf(byLayer.keySet());
    }

    /** @throws IllegalArgumentException for a layer that is not in the trunk */
    public INDArray of(String layer) {
        INDArray activations = byLayer.get(layer);
        if (activations == null) {
            throw new IllegalArgumentException("no trunk layer " + layer + "; trunk layers are " + byLayer.keySet());
        }
        return activations;
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    public int rows() {
        return labels.length;
    }
}
