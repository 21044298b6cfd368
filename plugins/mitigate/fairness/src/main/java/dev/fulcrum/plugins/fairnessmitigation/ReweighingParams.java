package dev.fulcrum.plugins.fairnessmitigation;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;

import java.util.List;

public record ReweighingParams(
        @Doc("sensitive attributes whose (intersectional) groups are balanced; by default every sensitive attribute") List<String> attributes,
        @Doc("the favourable class, whose rate per group the report shows; by default the specific task's second class") String positiveClass) {

    public ReweighingParams {
        attributes = attributes == null ? null : List.copyOf(attributes);
        if (attributes != null && attributes.isEmpty()) {
            throw new InvalidParamsException("attributes", "name at least one attribute, or leave it out to use all");
        }
    }
}
