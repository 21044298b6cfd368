package dev.fulcrum.api.augment;

import dev.fulcrum.api.Stable;
import dev.fulcrum.api.data.Schema;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Training rows as the trainer feeds them to the model: features, and per task a target matrix
 * {@code [rows, classes]} (one-hot, or a probability distribution after mixing) with a mask
 * {@code [rows, 1]} that is 1 where the row has a label for the task and 0 where it has none (a
 * row mixed from a labelled and an unlabelled row has the labelled row's share of its loss weight).
 * Sample weights are {@code [rows, 1]}. All arrays are FLOAT. A row's loss for a task is
 * {@code weight * mask * crossEntropy(target, prediction)}.
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

    /** The given rows, in the given order; a row may appear several times (oversampling). */
    public Batch select(int[] rows) {
        Map<String, INDArray> selectedTargets = new LinkedHashMap<>();
        Map<String, INDArray> selectedMasks = new LinkedHashMap<>();
        targets.forEach((task, target) -> selectedTargets.put(task, pull(target, rows)));
        masks.forEach((task, mask) -> selectedMasks.put(task, pull(mask, rows)));
        return new Batch(schema, pull(features, rows), selectedTargets, selectedMasks, pull(weights, rows));
    }

    private static INDArray pull(INDArray array, int[] rows) {
        return rows.length == 0 ? Nd4j.create(DataType.FLOAT, 0, array.columns()) : Nd4j.pullRows(array, 1, rows);
    }

    /** These rows followed by those of {@code more}, which must have the same tasks and columns. */
    public Batch append(Batch more) {
        if (!more.tasks().equals(tasks()) || more.features.columns() != features.columns()) {
            throw new IllegalArgumentException("cannot append rows with tasks " + more.tasks() + " and " + more.features.columns()
                    + " columns to rows with tasks " + tasks() + " and " + features.columns() + " columns");
        }
        Map<String, INDArray> joinedTargets = new LinkedHashMap<>();
        Map<String, INDArray> joinedMasks = new LinkedHashMap<>();
        targets.forEach((task, target) -> joinedTargets.put(task, Nd4j.concat(0, target, more.target(task))));
        masks.forEach((task, mask) -> joinedMasks.put(task, Nd4j.concat(0, mask, more.mask(task))));
        return new Batch(schema, Nd4j.concat(0, features, more.features), joinedTargets, joinedMasks,
                Nd4j.concat(0, weights, more.weights));
    }

    /**
     * Rows mixed pairwise, as mixup (Zhang et al., ICLR 2018) and CutMix (Yun et al., ICCV 2019) mix
     * them: row {@code i} becomes {@code share[i]} of itself and {@code 1 - share[i]} of row
     * {@code partners[i]}, with the mixed features the caller made. Targets, masks and weights are
     * mixed so that the new row's loss is exactly {@code share * loss(i) + (1 - share) * loss(partner)},
     * where an unlabelled side adds nothing: with {@code a = share * w_i * m_i} and
     * {@code b = (1 - share) * w_j * m_j}, the weight is {@code share * w_i + (1 - share) * w_j}, the
     * mask {@code (a + b) / weight} and the target {@code (a t_i + b t_j) / (a + b)}.
     *
     * @param share         {@code [rows, 1]}, each in {@code [0, 1]}
     * @param mixedFeatures {@code [rows, columns]}
     */
    public Batch mixed(int[] partners, INDArray share, INDArray mixedFeatures) {
        if (partners.length != rows() || share.rows() != rows()) {
            throw new IllegalArgumentException("mixing " + rows() + " rows needs as many partners and shares, got "
                    + partners.length + " and " + share.rows());
        }
        INDArray other = share.rsub(1);
        INDArray partnerWeights = pull(weights, partners);
        INDArray ownWeight = share.mul(weights);
        INDArray partnerWeight = other.mul(partnerWeights);
        INDArray newWeights = ownWeight.add(partnerWeight);
        Map<String, INDArray> newTargets = new LinkedHashMap<>();
        Map<String, INDArray> newMasks = new LinkedHashMap<>();
        for (String task : tasks()) {
            INDArray a = ownWeight.mul(masks.get(task));
            INDArray b = partnerWeight.mul(pull(masks.get(task), partners));
            INDArray labelled = a.add(b);
            INDArray target = targets.get(task).mulColumnVector(a).addi(pull(targets.get(task), partners).mulColumnVector(b));
            newTargets.put(task, target.diviColumnVector(atLeastTiny(labelled)));
            newMasks.put(task, labelled.div(atLeastTiny(newWeights)));
        }
        return new Batch(schema, mixedFeatures, newTargets, newMasks, newWeights);
    }

    /** A divisor that is never 0; where it was 0 the dividend is 0 too, and stays 0. */
    private static INDArray atLeastTiny(INDArray divisor) {
        return Transforms.max(divisor, Float.MIN_NORMAL, true);
    }

    /** A batch with every array replaced, for augmenters that add, drop or mix rows. */
    public Batch withRows(INDArray newFeatures, Map<String, INDArray> newTargets, Map<String, INDArray> newMasks, INDArray newWeights) {
        return new Batch(schema, newFeatures, new LinkedHashMap<>(newTargets), new LinkedHashMap<>(newMasks), newWeights);
    }
}
