package dev.fulcrum.api.model;

import dev.fulcrum.api.Experimental;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each trunk layer outputs on a set of rows, with the rows' labels for one task: the input of
 * a linear probe, a transferability score (LogME, LEEP) or a similarity index (CKA). Each layer's
 * activations are a rows x units matrix; convolutional and sequence outputs are flattened per row.
 */
@Experimental
public final class LayerActivations {

    private final Map<String, INDArray> byLayer;
    private final int[] labels;
    private final int classes;

    /**
     * @param byLayer per trunk layer, input side first, a rows x units matrix
     * @param labels  each row's class for the task, in the matrices' row order
     * @param classes the task's number of classes
     */
    public LayerActivations(Map<String, INDArray> byLayer, int[] labels, int classes) {
        this.byLayer = new LinkedHashMap<>(byLayer);
        this.labels = labels.clone();
        this.classes = classes;
        this.byLayer.forEach((layer, activations) -> {
            if (activations.rank() != 2 || activations.rows() != labels.length) {
                throw new IllegalArgumentException("activations of " + layer + " must be " + labels.length
                        + " rows x units, got shape " + Arrays.toString(activations.shape()));
            }
        });
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

    public int[] labels() {
        return labels.clone();
    }

    public int classes() {
        return classes;
    }

    public int rows() {
        return labels.length;
    }
}
