package dev.fulcrum.api.augment;

import dev.fulcrum.api.Stable;
import dev.fulcrum.api.data.Schema;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Training rows as the trainer feeds them to the model: features, and per task a target matrix
 * {@code [rows, classes]} (one-hot, or a probability distribution after mixing) with a mask
 * {@code [rows, 1]} that is 1 where the row has a label for the task and 0 where it has none.
 * Sample weights are {@code [rows, 1]}. All arrays are FLOAT.
 */
@Stable
public final class Batch {

    private final Schema schema;
    private final INDArray features;
    private final Map<String, INDArray> targets;
    private final Map<String, INDArray> masks;
    private final INDArray weights;

    public Batch(Schema schema, INDArray features, Map<String, INDArray> targets, Map<String, INDArray> masks, INDArray weights) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.features = Objects.requireNonNull(features, "features");
        this.targets = Map.copyOf(targets);
        this.masks = Map.copyOf(masks);
        this.weights = Objects.requireNonNull(weights, "weights");
        long rows = features.rows();
        if (!this.targets.keySet().equals(this.masks.keySet())) {
            throw new IllegalArgumentException("targets " + this.targets.keySet() + " and masks " + this.masks.keySet() + " differ");
        }
        this.targets.forEach((task, target) -> requireRows(target, rows, "targets of " + task));
        this.masks.forEach((task, mask) -> requireRows(mask, rows, "mask of " + task));
        requireRows(weights, rows, "weights");
    }

    private static void requireRows(INDArray array, long rows, String what) {
        if (array.rows() != rows) {
            throw new IllegalArgumentException(what + " has " + array.rows() + " rows, features have " + rows);
        }
    }

    public Schema schema() {
        return schema;
    }

    public INDArray features() {
        return features;
    }

    public int rows() {
        return (int) features.rows();
    }

    /** Task names in this batch. */
    public java.util.Set<String> tasks() {
        return targets.keySet();
    }

    public INDArray target(String task) {
        return require(targets, task);
    }

    public INDArray mask(String task) {
        return require(masks, task);
    }

    public INDArray weights() {
        return weights;
    }

    private INDArray require(Map<String, INDArray> map, String task) {
        INDArray array = map.get(task);
        if (array == null) {
            throw new IllegalArgumentException("no task " + task + " in this batch; it has " + targets.keySet());
        }
        return array;
    }

    public Batch withFeatures(INDArray newFeatures) {
        return new Batch(schema, newFeatures, targets, masks, weights);
    }

    /** A batch with every array replaced, for augmenters that add, drop or mix rows. */
    public Batch withRows(INDArray newFeatures, Map<String, INDArray> newTargets, Map<String, INDArray> newMasks, INDArray newWeights) {
        return new Batch(schema, newFeatures, new LinkedHashMap<>(newTargets), new LinkedHashMap<>(newMasks), newWeights);
    }
}
