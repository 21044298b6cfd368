package dev.fulcrum.plugins.fairnessmitigation;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.params.Range;

import java.util.List;

public record CorrelationRemoverParams(
        @Doc("sensitive attributes whose linear correlation with the features is removed; by default every sensitive attribute") List<String> attributes,
        @Doc("how much of it to remove: 1 all, 0 none (Fairlearn's alpha)") @Range("[0, 1]") Double alpha) {

    public CorrelationRemoverParams {
        attributes = attributes == null ? null : List.copyOf(attributes);
        alpha = alpha == null ? 1.0 : alpha;
        if (attributes != null && attributes.isEmpty()) {
            throw new InvalidParamsException("attributes", "name at least one attribute, or leave it out to use all");
        }
    }
}
