package dev.fulcrum.core.compare;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a run cost, as its {@code summary.json} says; each figure {@code null} where the summary lacks it
 * (a summary written before {@code resources}).
 *
 * @param parameters    {@code resources.parameters.total}
 * @param trainingFlops {@code resources.training.flops}
 * @param trainSeconds  {@code timing.stages.train}
 * @param peakBytes     {@code resources.memory.physical_peak_bytes}: the process's resident memory at its peak during the run
 */
public record RunCost(Long parameters, Double trainingFlops, Double trainSeconds, Long peakBytes) {

    public static RunCost of(JsonNode summary) {
        JsonNode resources = summary.path("resources");
        return new RunCost(whole(resources.at("/parameters/total")), number(resources.at("/training/flops")),
                number(summary.at("/timing/stages/train")), whole(resources.at("/memory/physical_peak_bytes")));
    }

    private static Double number(JsonNode node) {
        return node.isNumber() ? node.doubleValue() : null;
    }

    private static Long whole(JsonNode node) {
        return node.isNumber() ? node.longValue() : null;
    }
}
