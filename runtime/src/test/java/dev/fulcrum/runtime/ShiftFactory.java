package dev.fulcrum.runtime;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.api.features.FeatureExtractorFactory;
import dev.fulcrum.api.features.FeatureTransform;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/** A feature extractor listed in the test class path's extensions.idx: adds its saved offset to every value. */
public final class ShiftFactory implements FeatureExtractorFactory<ShiftFactory.Params> {

    public record Params(Double scale) {
        public Params {
            scale = scale == null ? 1.0 : scale;
        }
    }

    @Override
    public String type() {
        return "test-shift";
    }

    @Override
    public String description() {
        return "adds the saved offset, times scale";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public FeatureExtractor create(Params params, RunContext context) {
        return new FeatureExtractor() {
            @Override
            public FeatureTransform fit(Dataset training) {
                throw new UnsupportedOperationException("only restored in these tests");
            }

            @Override
            public FeatureTransform restore(Map<String, INDArray> state) {
                INDArray offset = state.get("offset").mul(params.scale());
                return new FeatureTransform() {
                    @Override
                    public Dataset apply(Dataset data) {
                        return data.withFeatures(data.features().addRowVector(offset));
                    }

                    @Override
                    public Map<String, INDArray> state() {
                        return Map.of("offset", offset);
                    }
                };
            }
        };
    }
}
