package dev.fulcrum.plugins.subspacealignment;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.adapt.DomainTransform;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.math.rows.DomainMembers;
import dev.fulcrum.math.rows.DomainRows;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

/**
 * The fitted projections: source rows {@code (x - mean_s) Ps M}, target rows {@code (x - mean_t) Pt},
 * into the {@code d} features {@code sa0 .. sa<d-1>}.
 */
final class AlignedProjections implements DomainTransform {

    private static final List<String> NAMES = List.of("source-mean", "source-map", "target-mean", "target-map");

    private final INDArray sourceMean;
    private final INDArray sourceMap;
    private final INDArray targetMean;
    private final INDArray targetMap;

    AlignedProjections(INDArray sourceMean, INDArray sourceMap, INDArray targetMean, INDArray targetMap) {
        this.sourceMean = sourceMean;
        this.sourceMap = sourceMap;
        this.targetMean = targetMean;
        this.targetMap = targetMap;
    }

    static AlignedProjections restore(Map<String, INDArray> state) {
        if (!state.keySet().containsAll(NAMES)) {
            throw new InvalidInputException("subspace-alignment: the saved state needs " + NAMES + ", has " + state.keySet());
        }
        return new AlignedProjections(state.get(NAMES.get(0)), state.get(NAMES.get(1)), state.get(NAMES.get(2)), state.get(NAMES.get(3)));
    }

    @Override
    public Dataset apply(Dataset rows) {
        if (rows.schema().featureCount() != sourceMap.rows()) {
            throw new InvalidInputException("subspace-alignment: fitted on " + sourceMap.rows() + " features, given rows of "
                    + rows.schema().featureCount());
        }
        int dimensions = (int) sourceMap.columns();
        DomainMembers members = DomainMembers.of(rows);
        int[] source = members.notNamed(Domains.TARGET);
        int[] target = members.named(Domains.TARGET);
        INDArray projected = Nd4j.zeros(DataType.FLOAT, rows.rows(), dimensions);
        projected = project(projected, rows, source, sourceMean, sourceMap);
        projected = project(projected, rows, target, targetMean, targetMap);
        Schema schema = rows.schema().withFeatures(Schema.numberedFeatures("sa", dimensions, "subspace-alignment"), null);
        return rows.withFeatures(projected, schema);
    }

    /** {@code projected} with the given rows replaced by {@code (x - mean) map}; as it was when there are none. */
    private static INDArray project(INDArray projected, Dataset rows, int[] of, INDArray mean, INDArray map) {
        if (of.length == 0) {
            return projected;
        }
        return DomainRows.replaceRows(projected, of, DomainMembers.features(rows, of).subRowVector(mean).mmul(map));
    }

    @Override
    public Map<String, INDArray> state() {
        return Map.of(NAMES.get(0), sourceMean, NAMES.get(1), sourceMap, NAMES.get(2), targetMean, NAMES.get(3), targetMap);
    }
}
