package dev.fulcrum.plugins.coral;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.adapt.DomainTransform;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.math.rows.DomainMembers;
import dev.fulcrum.math.rows.DomainRows;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/** CORAL's fitted map {@code A}: rows of every domain but the target become {@code x A}; target rows stay. */
final class CoralMap implements DomainTransform {

    private static final String MAP = "map";

    private final INDArray map;

    CoralMap(INDArray map) {
        this.map = map;
    }

    static CoralMap restore(Map<String, INDArray> state) {
        INDArray map = state.get(MAP);
        if (map == null || map.rank() != 2 || map.rows() != map.columns()) {
            throw new InvalidInputException("coral: the saved state has no square \"" + MAP + "\" matrix");
        }
        return new CoralMap(map);
    }

    @Override
    public Dataset apply(Dataset rows) {
        if (rows.schema().featureCount() != map.rows()) {
            throw new InvalidInputException("coral: fitted on " + map.rows() + " features, given rows of " + rows.schema().featureCount());
        }
        int[] source = DomainMembers.of(rows).notNamed(Domains.TARGET);
        if (source.length == 0) {
            return rows;
        }
        return rows.withFeatures(DomainRows.replaceRows(rows.features(), source, DomainMembers.features(rows, source).mmul(map)));
    }

    @Override
    public Map<String, INDArray> state() {
        return Map.of(MAP, map);
    }
}
