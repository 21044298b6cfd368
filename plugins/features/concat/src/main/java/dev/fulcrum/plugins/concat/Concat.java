package dev.fulcrum.plugins.concat;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Feature;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.api.features.FeatureTransform;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Fits every part on the same training rows and joins what each part made, as scikit-learn's
 * ColumnTransformer joins its transformers' outputs: a part's output column that has the name and
 * origin of an input column passed through it unchanged and is left out, so a part that rewrites
 * a few columns (one-hot, standardize with columns) contributes just those. The parts' states are
 * saved under {@code <part>/<name>}.
 */
final class Concat implements FeatureExtractor {

    private final List<FeatureExtractor> parts;
    private final boolean keepInput;

    Concat(List<FeatureExtractor> parts, boolean keepInput) {
        this.parts = parts;
        this.keepInput = keepInput;
    }

    @Override
    public FeatureTransform fit(Dataset training) {
        List<FeatureTransform> transforms = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            FeatureExtractor part = parts.get(i);
            transforms.add(inPart(i, () -> part.fit(training)));
        }
        return new Joined(transforms);
    }

    @Override
    public FeatureTransform restore(Map<String, INDArray> state) {
        List<FeatureTransform> transforms = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String prefix = i + "/";
            Map<String, INDArray> own = new LinkedHashMap<>();
            state.forEach((key, value) -> {
                if (key.startsWith(prefix)) {
                    own.put(key.substring(prefix.length()), value);
                }
            });
            transforms.add(parts.get(i).restore(own));
        }
        return new Joined(transforms);
    }

    /** Runs a part's step; a params problem it finds in the data is placed under the part, e.g. extractors[1].columns. */
    private static <T> T inPart(int part, Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidParamsException e) {
            throw new InvalidParamsException("extractors[" + part + "]." + e.field(), e.problem());
        }
    }

    private final class Joined implements FeatureTransform {

        private final List<FeatureTransform> transforms;

        Joined(List<FeatureTransform> transforms) {
            this.transforms = transforms;
        }

        @Override
        public Dataset apply(Dataset data) {
            Set<Feature> input = new HashSet<>(data.schema().features());
            List<INDArray> columns = new ArrayList<>();
            List<Feature> features = new ArrayList<>();
            if (keepInput) {
                columns.add(data.features());
                features.addAll(data.schema().features());
            }
            for (int i = 0; i < transforms.size(); i++) {
                FeatureTransform transform = transforms.get(i);
                Dataset out = inPart(i, () -> transform.apply(data));
                List<Feature> outFeatures = out.schema().features();
                int[] made = IntStream.range(0, outFeatures.size())
                        .filter(j -> !input.contains(outFeatures.get(j))).toArray();
                if (made.length == 0) {
                    throw new InvalidInputException("concat: extractors[" + i + "] made or changed no column; it adds nothing");
                }
                columns.add(out.features().getColumns(made));
                for (int j : made) {
                    features.add(outFeatures.get(j));
                }
            }
            requireUniqueNames(features);
            INDArray joined = columns.size() == 1 ? columns.get(0).dup() : Nd4j.hstack(columns);
            return data.withFeatures(joined, data.schema().withFeatures(features, null));
        }

        private static void requireUniqueNames(List<Feature> features) {
            Set<String> seen = new HashSet<>();
            for (Feature feature : features) {
                if (!seen.add(feature.name())) {
                    throw new InvalidInputException("concat: the column name \"" + feature.name() + "\" comes twice (from two "
                            + "extractors, or from one and keep-input); give the extractors different prefixes or drop one");
                }
            }
        }

        @Override
        public Map<String, INDArray> state() {
            Map<String, INDArray> state = new LinkedHashMap<>();
            for (int i = 0; i < transforms.size(); i++) {
                String prefix = i + "/";
                transforms.get(i).state().forEach((key, value) -> state.put(prefix + key, value));
            }
            return state;
        }
    }
}
