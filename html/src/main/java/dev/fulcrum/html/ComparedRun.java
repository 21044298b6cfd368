package dev.fulcrum.html;

import java.util.List;
import java.util.Map;

/**
 * One run of a comparison: its config values at the paths that differ, its balance and its cost
 * (from {@code summary.json}), and its validation learning curve (from {@code metrics.jsonl}).
 * A number the run does not have is {@code null}.
 *
 * @param name          the run folder's name, the run's label on the page
 * @param status        {@code succeeded}, {@code failed}, ...
 * @param config        config path to its value as YAML flow text, for the paths that differ
 * @param specific      test accuracy of the specific task ({@code balance.specific})
 * @param general       test accuracy of the general task ({@code balance.general})
 * @param generalBefore {@code balance.general_before}
 * @param forgetting    {@code balance.forgetting}
 * @param totalSeconds  {@code timing.total_seconds}
 * @param trainSeconds  {@code timing.stages.train}
 * @param parameters    {@code resources.parameters.total}
 * @param trainingFlops {@code resources.training.flops}
 * @param peakBytes     {@code resources.memory.physical_peak_bytes}
 * @param efficient     the sides ({@code specific}, {@code general}) on which {@code --efficiency} chose this run; empty without
 * @param nonDominated  whether no other run is at least as good on both sides and better on one
 * @param curve         a point per validation line, in file order
 */
public record ComparedRun(String name, String status, Map<String, String> config, Double specific, Double general,
                          Double generalBefore, Double forgetting, Double totalSeconds, Double trainSeconds,
                          Long parameters, Double trainingFlops, Long peakBytes, List<String> efficient,
                          boolean nonDominated, List<CurvePoint> curve) {

    public ComparedRun {
        config = Map.copyOf(config);
        efficient = List.copyOf(efficient);
        curve = List.copyOf(curve);
    }

    /** Whether the run has both sides of the balance, so a point on the plane. */
    public boolean onPlane() {
        return specific != null && general != null;
    }

    /** The run's value at a config path, or {@code -} where it has none. */
    public String configValue(String path) {
        return config.getOrDefault(path, "-");
    }

    /** A validation line of {@code metrics.jsonl}: the epoch counted across phases and each task's accuracy ({@code null} if absent). */
    public record CurvePoint(int globalEpoch, Double specific, Double general) {
    }
}
