package dev.fulcrum.plugins.projections;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.params.AtLeast;
import dev.fulcrum.api.params.NotBlank;

import java.util.List;

public record PcaParams(
        @Doc("number of principal components kept, largest variance first") @AtLeast(1) Integer components,
        @Doc("divide each component by its standard deviation, so all have variance 1 on the training rows") Boolean whiten,
        @Doc("the new columns are named prefix0, prefix1, ...") @NotBlank String prefix,
        @Doc("numeric columns to project; by default every numeric column (categorical ones are left out: one-hot them, "
                + "say in a concat beside pca)") List<String> columns) {

    public PcaParams {
        components = components == null ? 16 : components;
        whiten = whiten != null && whiten;
        prefix = prefix == null ? "pc" : prefix;
        columns = columns == null ? null : List.copyOf(columns);
    }
}
