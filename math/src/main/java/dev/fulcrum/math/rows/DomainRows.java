package dev.fulcrum.math.rows;

import dev.fulcrum.api.Experimental;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Partition;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The rows a domain adapter works with. Rows of the {@link Domains#TARGET} domain are the target;
 * rows of every other domain are the source. An adapter learns only from training-partition rows:
 * source rows (with labels, where it needs them) and target rows' features; validation and test
 * rows are transformed but never learnt from.
 */
@Experimental
public final class DomainRows {

    private final Dataset data;
    private final int target;
    private final int[] domains;
    private final Partition[] partitions;

    private DomainRows(Dataset data, int target) {
        this.data = data;
        this.target = target;
        this.domains = data.domains();
        this.partitions = data.partitions();
    }

    /**
     * @param adapter how the adapter is named in messages, e.g. {@code coral}
     * @throws InvalidInputException when the data has no target domain, or no training rows on either side
     */
    public static DomainRows of(Dataset data, String adapter) {
        int target = data.schema().domains().indexOf(Domains.TARGET);
        if (target < 0) {
            throw new InvalidInputException(adapter + ": the data has no target domain (its domains are "
                    + data.schema().domains() + "); domain adaptation needs rows in a domain named \"" + Domains.TARGET
                    + "\", e.g. the synthetic source with target-share > 0");
        }
        DomainRows rows = new DomainRows(data, target);
        if (rows.sourceTraining().length == 0) {
            throw new InvalidInputException(adapter + ": the data has no source-domain rows in the training partition");
        }
        if (rows.targetTraining().length == 0) {
            throw new InvalidInputException(adapter + ": the data has no target-domain rows in the training partition "
                    + "to learn the target's features from (validation and test rows are never used)");
        }
        return rows;
    }

    /** The target domain's id. */
    public int targetDomain() {
        return target;
    }

    public boolean isTarget(int row) {
        return domains[row] == target;
    }

    /** Source rows in the training partition. */
    public int[] sourceTraining() {
        return where(row -> domains[row] != target && partitions[row] == Partition.TRAIN);
    }

    /** Target rows in the training partition; their features may be learnt from, never their labels. */
    public int[] targetTraining() {
        return training(target);
    }

    /** Rows of one domain in the training partition. */
    public int[] training(int domain) {
        return where(row -> domains[row] == domain && partitions[row] == Partition.TRAIN);
    }

    /** Every source row, in every partition. */
    public int[] source() {
        return where(row -> domains[row] != target);
    }

    /** Every row of one domain, in every partition. */
    public int[] ofDomain(int domain) {
        return where(row -> domains[row] == domain);
    }

    /** The features of some rows, in DOUBLE, {@code [rows, features]}. */
    public INDArray features(int[] rows) {
        return DomainMembers.features(data, rows);
    }

    /** A FLOAT copy of {@code features} whose given rows are replaced by {@code values}, in order. */
    public static INDArray replaceRows(INDArray features, int[] rows, INDArray values) {
        if (values.rows() != rows.length || values.columns() != features.columns()) {
            throw new IllegalArgumentException("replacing " + rows.length + " rows of " + features.columns()
                    + " columns with an array of shape " + Arrays.toString(values.shape()));
        }
        INDArray result = features.castTo(DataType.FLOAT).dup();
        if (rows.length > 0) {
            long[] indices = Arrays.stream(rows).asLongStream().toArray();
            result.put(new INDArrayIndex[] {NDArrayIndex.indices(indices), NDArrayIndex.all()}, values.castTo(DataType.FLOAT));
        }
        return result;
    }

    private int[] where(IntPredicate keep) {
        int[] all = new int[domains.length];
        int count = 0;
        for (int row = 0; row < domains.length; row++) {
            if (keep.test(row)) {
                all[count++] = row;
            }
        }
        return Arrays.copyOf(all, count);
    }
}
