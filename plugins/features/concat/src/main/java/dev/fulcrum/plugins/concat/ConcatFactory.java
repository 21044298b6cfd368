package dev.fulcrum.plugins.concat;

import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.api.features.FeatureExtractorFactory;
import org.pf4j.Extension;

import java.util.ArrayList;
import java.util.List;

@Extension
public final class ConcatFactory implements FeatureExtractorFactory<ConcatParams> {

    @Override
    public String type() {
        return "concat";
    }

    @Override
    public String description() {
        return "Joins the columns of several feature extractors, each fitted on the same input, side by side.";
    }

    @Override
    public Class<ConcatParams> paramsType() {
        return ConcatParams.class;
    }

    @Override
    public FeatureExtractor create(ConcatParams params, RunContext context) {
        if (params.extractors() == null || params.extractors().isEmpty()) {
            throw new InvalidParamsException("extractors", "missing: list the feature extractors to join, e.g. [{type: pca}]");
        }
        List<FeatureExtractor> parts = new ArrayList<>();
        for (int i = 0; i < params.extractors().size(); i++) {
            parts.add(context.featureExtractor("extractors[" + i + "]", params.extractors().get(i)));
        }
        return new Concat(parts, params.keepInput());
    }
}
