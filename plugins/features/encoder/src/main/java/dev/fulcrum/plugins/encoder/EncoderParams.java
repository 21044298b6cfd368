package dev.fulcrum.plugins.encoder;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.params.NotBlank;

import java.nio.file.Path;

public record EncoderParams(
        @Doc("the model.zip of an earlier Fulcrum run; relative paths start at the pipeline file's folder. It must stay "
                + "there: a model trained on its features needs it to predict") Path model,
        @Doc("the trunk layer whose activations become the features; by default the last trunk layer") String layer,
        @Doc("the new columns are named prefix0, prefix1, ...") @NotBlank String prefix) {

    public EncoderParams {
        prefix = prefix == null ? "enc" : prefix;
    }
}
