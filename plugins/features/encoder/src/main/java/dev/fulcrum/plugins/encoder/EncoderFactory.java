package dev.fulcrum.plugins.encoder;

import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.api.features.FeatureExtractorFactory;
import org.pf4j.Extension;

import java.nio.file.Files;

@Extension
public final class EncoderFactory implements FeatureExtractorFactory<EncoderParams> {

    @Override
    public String type() {
        return "encoder";
    }

    @Override
    public String description() {
        return "Replaces all columns by the activations of a trunk layer of a model saved by an earlier Fulcrum run.";
    }

    @Override
    public Class<EncoderParams> paramsType() {
        return EncoderParams.class;
    }

    @Override
    public FeatureExtractor create(EncoderParams params, RunContext context) {
        if (params.model() == null) {
            throw new InvalidParamsException("model", "missing: name the model.zip of an earlier Fulcrum run");
        }
        if (!Files.isRegularFile(params.model())) {
            throw new InvalidParamsException("model", "no such file: " + params.model());
        }
        context.recordInput(params.model());
        return new Encoder(params);
    }
}
