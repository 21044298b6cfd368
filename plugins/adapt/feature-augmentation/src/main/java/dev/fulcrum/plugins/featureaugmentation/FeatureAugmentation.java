package dev.fulcrum.plugins.featureaugmentation;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.adapt.DomainAdapter;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Feature;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.math.rows.DomainRows;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * "Frustratingly Easy Domain Adaptation" (Daume III, ACL 2007), for any number of domains: the
 * features become a shared block followed by one block per domain, and a row of domain {@code d}
 * fills the shared block and block {@code d} with its features, the other blocks with zeros. With a
 * source and a target: source {@code -> [x, x, 0]}, target {@code -> [x, 0, x]}. The shared block
 * keeps the original columns; block {@code d} names its columns {@code <domain>:<name>}.
 */
final class FeatureAugmentation implements DomainAdapter {

    @Override
    public Dataset adapt(Dataset data) {
        DomainRows rows = DomainRows.of(data, "feature-augmentation");
        requireLabelledTargetRows(data, rows);
        List<String> domains = data.schema().domains();
        INDArray x = data.features();
        int[] domainOfRow = data.domains();
        List<INDArray> blocks = new ArrayList<>();
        blocks.add(x);
        for (int domain = 0; domain < domains.size(); domain++) {
            int d = domain;
            float[] member = new float[data.rows()];
            for (int row = 0; row < member.length; row++) {
                member[row] = domainOfRow[row] == d ? 1f : 0f;
            }
            blocks.add(x.mulColumnVector(Nd4j.create(member, new long[] {member.length, 1}, DataType.FLOAT)));
        }
        return data.withFeatures(Nd4j.hstack(blocks.toArray(INDArray[]::new)), schema(data.schema()));
    }

    private static Schema schema(Schema schema) {
        List<Feature> features = new ArrayList<>(schema.features());
        for (String domain : schema.domains()) {
            for (Feature feature : schema.features()) {
                features.add(new Feature(domain + ":" + feature.name(), "feature-augmentation(" + feature.name() + ")"));
            }
        }
        return schema.withFeatures(features, null);
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
