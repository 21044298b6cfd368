package dev.fulcrum.plugins.featureaugmentation;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.adapt.DomainTransform;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Feature;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.features.StateText;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The shared block and one block per domain of the fit, in its order; a row fills the block of its domain's name. */
final class DomainBlocks implements DomainTransform {

    private static final String DOMAINS = "domains";

    private final List<String> domains;

    DomainBlocks(List<String> domains) {
        this.domains = List.copyOf(domains);
    }

    static DomainBlocks restore(Map<String, INDArray> state) {
        if (!state.containsKey(DOMAINS)) {
            throw new InvalidInputException("feature-augmentation: the saved state has no \"" + DOMAINS + "\"");
        }
        return new DomainBlocks(StateText.decode(state.get(DOMAINS)));
    }

    @Override
    public Dataset apply(Dataset rows) {
        List<String> names = rows.schema().domains();
        for (String name : names) {
            if (!domains.contains(name)) {
                throw new InvalidInputException("feature-augmentation: the rows have domain \"" + name
                        + "\", which it has no block for; its blocks are " + domains);
            }
        }
        INDArray x = rows.features();
        int[] domainOfRow = rows.domains();
        List<INDArray> blocks = new ArrayList<>();
        blocks.add(x);
        for (String domain : domains) {
            int id = names.indexOf(domain);
            float[] member = new float[rows.rows()];
            for (int row = 0; row < member.length; row++) {
                member[row] = domainOfRow[row] == id ? 1f : 0f;
            }
            blocks.add(x.mulColumnVector(Nd4j.create(member, new long[] {member.length, 1}, DataType.FLOAT)));
        }
        return rows.withFeatures(Nd4j.hstack(blocks.toArray(INDArray[]::new)), schema(rows.schema()));
    }

    private Schema schema(Schema schema) {
        List<Feature> features = new ArrayList<>(schema.features());
        for (String domain : domains) {
            for (Feature feature : schema.features()) {
                features.add(new Feature(domain + ":" + feature.name(), "feature-augmentation(" + feature.name() + ")"));
            }
        }
        return schema.withFeatures(features, null);
    }

    @Override
    public Map<String, INDArray> state() {
        return Map.of(DOMAINS, StateText.encode(domains));
    }
}
