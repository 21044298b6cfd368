package dev.fulcrum.plugins.featureaugmentation;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.adapt.DomainTransform;
import dev.fulcrum.api.adapt.TransformingDomainAdapter;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.math.rows.DomainRows;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.Map;

/**
 * "Frustratingly Easy Domain Adaptation" (Daume III, ACL 2007), for any number of domains: the
 * features become a shared block followed by one block per domain, and a row of domain {@code d}
 * fills the shared block and block {@code d} with its features, the other blocks with zeros. With a
 * source and a target: source {@code -> [x, x, 0]}, target {@code -> [x, 0, x]}. The shared block
 * keeps the original columns; block {@code d} names its columns {@code <domain>:<name>}.
 */
final class FeatureAugmentation implements TransformingDomainAdapter {

    @Override
    public DomainTransform fit(Dataset data) {
        DomainRows rows = DomainRows.of(data, "feature-augmentation");
        requireLabelledTargetRows(data, rows);
        return new DomainBlocks(data.schema().domains());
    }

    @Override
    public DomainTransform restore(Map<String, INDArray> state) {
        return DomainBlocks.restore(state);
    }

    /**
     * Without labelled target rows the target block never learns (its columns are zero in every
     * labelled row), and its untrained weights only add noise to target predictions.
     */
    private static void requireLabelledTargetRows(Dataset data, DomainRows rows) {
        int[] labelled = data.labelledRows(Tasks.SPECIFIC, Partition.TRAIN);
        if (Arrays.stream(labelled).noneMatch(rows::isTarget)) {
            throw new InvalidInputException("feature-augmentation: needs labelled target rows for training, but the "
                    + "target's training rows have no specific labels; set split.target-labelled above 0 (e.g. 0.1)");
        }
    }
}
