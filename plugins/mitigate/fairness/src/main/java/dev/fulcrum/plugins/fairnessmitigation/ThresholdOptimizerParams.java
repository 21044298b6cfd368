package dev.fulcrum.plugins.fairnessmitigation;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.params.Range;

import java.util.List;

public record ThresholdOptimizerParams(
        @Doc("what to equalise across groups: demographic-parity (selection rates) or equal-opportunity (true positive rates)") String constraint,
        @Doc("sensitive attributes whose (intersectional) groups get their own threshold; by default every sensitive attribute") List<String> attributes,
        @Doc("the favourable class; by default the specific task's second class") String positiveClass,
        @Doc("the largest gap between the groups' rates on validation data that counts as parity") @Range("[0, 1]") Double tolerance) {

    public ThresholdOptimizerParams {
        constraint = constraint == null ? Constraint.DEMOGRAPHIC_PARITY.key() : constraint;
        attributes = attributes == null ? null : List.copyOf(attributes);
        tolerance = tolerance == null ? 0.01 : tolerance;
        Constraint.parse(constraint);
        if (attributes != null && attributes.isEmpty()) {
            throw new InvalidParamsException("attributes", "name at least one attribute, or leave it out to use all");
        }
    }
}
