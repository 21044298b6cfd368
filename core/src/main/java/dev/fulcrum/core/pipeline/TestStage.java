package dev.fulcrum.core.pipeline;

import dev.fulcrum.api.MetricNames;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.core.train.ClassProbabilities;
import dev.fulcrum.core.train.Evaluator;
import dev.fulcrum.math.calibration.Calibration;
import dev.fulcrum.math.stats.ClassCounts;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Measures every task on every split, and per domain where the data has several: the figures the
 * summary reports, including the balance between the specific task and the general one, and on
 * validation and test the confusion matrix and the calibration of each task. An ensemble is measured
 * on its combined probabilities, as one model is.
 */
final class TestStage implements PipelineStage {

    private final RunProgress progress;

    @Inject
    TestStage(RunProgress progress) {
        this.progress = progress;
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public void run(PipelineState state) {
        ClassProbabilities model = state.probabilities();
        state.metrics.put(splitName(Partition.TRAIN), Evaluator.evaluate(model, state.data, Partition.TRAIN, row -> true));
        for (Partition partition : new Partition[] {Partition.VALIDATION, Partition.TEST}) {
            Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
            Map<String, ClassCounts> counts = new LinkedHashMap<>();
            Map<String, Calibration> calibration = new LinkedHashMap<>();
            Evaluator.evaluateInFull(model, state.data, partition).forEach((task, evaluation) -> {
                metrics.put(task, evaluation.metrics());
                counts.put(task, evaluation.classes());
                calibration.put(task, evaluation.calibration());
            });
            state.metrics.put(splitName(partition), metrics);
            state.classCounts.put(splitName(partition), counts);
            state.calibration.put(splitName(partition), calibration);
        }
        var domains = state.data.schema().domains();
        if (domains.size() > 1) {
            int[] rowDomains = state.data.domains();
            for (int d = 0; d < domains.size(); d++) {
                int domain = d;
                Map<String, Map<String, Map<String, Double>>> bySplit = new LinkedHashMap<>();
                for (Partition partition : new Partition[] {Partition.VALIDATION, Partition.TEST}) {
                    bySplit.put(splitName(partition), Evaluator.evaluate(model, state.data, partition,
                            row -> rowDomains[row] == domain));
                }
                state.metricsByDomain.put(domains.get(d), bySplit);
            }
        }
        Map<String, Map<String, Double>> test = state.metrics.get("test");
        StringBuilder line = new StringBuilder("test:");
        for (String task : new String[] {Tasks.SPECIFIC, Tasks.GENERAL}) {
            if (test.containsKey(task)) {
                line.append(String.format(" %s accuracy %.4f macro-F1 %.4f (%d rows);", task,
                        test.get(task).get(MetricNames.ACCURACY), test.get(task).get(MetricNames.MACRO_F1),
                        test.get(task).get(MetricNames.COUNT).intValue()));
            }
        }
        progress.note(line.toString());
    }

    static String splitName(Partition partition) {
        return partition.name().toLowerCase(java.util.Locale.ROOT);
    }
}
