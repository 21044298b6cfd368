package dev.fulcrum.api.report;

import dev.fulcrum.api.Stable;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A finished run, as reporters see it.
 *
 * @param summaryJson  the text of {@code summary.json} (schema in the README)
 * @param metricLines  the lines of {@code metrics.jsonl}, one JSON object per epoch and split
 * @param testMetrics  test metrics per task, then per metric name
 */
@Stable
public record RunSummary(String name, Path runFolder, String status, String summaryJson, List<String> metricLines,
                         Map<String, Map<String, Double>> testMetrics) {
    public RunSummary {
        metricLines = List.copyOf(metricLines);
        testMetrics = Map.copyOf(testMetrics);
    }
}
