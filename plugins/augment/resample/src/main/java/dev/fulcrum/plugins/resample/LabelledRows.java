package dev.fulcrum.plugins.resample;

import dev.fulcrum.api.augment.Batch;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.Map;

/** New rows labelled for one task only, appended to a batch: added rows rebalance that task and no other. */
final class LabelledRows {

    private LabelledRows() {
    }

    /**
     * @param features {@code [added, columns]}
     * @param labels   the class of each added row for {@code task}
     * @param weights  {@code [added, 1]}
     */
    static Batch append(Batch rows, String task, INDArray features, int[] labels, INDArray weights) {
        int added = labels.length;
        Map<String, INDArray> targets = new LinkedHashMap<>();
        Map<String, INDArray> masks = new LinkedHashMap<>();
        for (String name : rows.tasks()) {
            long classes = rows.target(name).columns();
            INDArray target = Nd4j.zeros(DataType.FLOAT, added, classes);
            if (name.equals(task)) {
                for (int i = 0; i < added; i++) {
                    target.putScalar(i, labels[i], 1f);
                }
            }
            targets.put(name, target);
            masks.put(name, name.equals(task) ? Nd4j.ones(DataType.FLOAT, added, 1) : Nd4j.zeros(DataType.FLOAT, added, 1));
        }
        return rows.append(rows.withRows(features, targets, masks, weights));
    }
}
