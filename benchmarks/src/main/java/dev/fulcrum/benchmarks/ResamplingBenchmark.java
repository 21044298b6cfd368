package dev.fulcrum.benchmarks;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.core.pipeline.RunOutcome;
import dev.fulcrum.core.pipeline.RunStatus;
import dev.fulcrum.core.threads.ThreadSettings;
import dev.fulcrum.testkit.ImbalancedBlobs;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.SavedModelCheck;
import dev.fulcrum.testkit.TestHost;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rare-class recall of models trained on imbalanced rows (ImbalancedBlobs: 2000 rows, 5 % rare,
 * classes 1.5 apart in each of 4 columns), with no resampling, random oversampling and SMOTE, measured
 * with each run's saved model on 20 000 unseen rows of the same distribution, over several seeds.
 *
 * <p>Usage: {@code benchmarks/run ResamplingBenchmark [seeds]}
 */
public final class ResamplingBenchmark {

    static final String PIPELINE = """
            name: imbalanced-%s
            seed: %d
            data:
              specific: {type: csv, path: %s, label: label, classes: [common, rare]}
            augment: %s
            model: {type: mlp, hidden: [32]}
            strategy: {type: supervised, epochs: 30, batch-size: 64, learning-rate: 0.003,
                       early-stopping: {metric: specific.loss, patience: 5}}
            """;

    private static final Map<String, String> METHODS = new LinkedHashMap<>();

    static {
        METHODS.put("none", "[]");
        METHODS.put("class-balance", "[{type: class-balance}]");
        METHODS.put("smote", "[{type: smote, k: 5}]");
    }

    private ResamplingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        ThreadSettings.apply();
        Path folder = Files.createTempDirectory("fulcrum-resampling-");
        Map<String, List<Double>> rareRecall = new LinkedHashMap<>();
        Map<String, List<Double>> commonRecall = new LinkedHashMap<>();
        METHODS.keySet().forEach(method -> {
            rareRecall.put(method, new ArrayList<>());
            commonRecall.put(method, new ArrayList<>());
        });
        try (TestHost host = TestHost.withJars(TestHost.pluginJarsOnClassPath())) {
            for (int seed = 1; seed <= seeds; seed++) {
                Path train = ImbalancedBlobs.writeCsv(ImbalancedBlobs.generate(2000, 0.05, 1.5, 4, seed),
                        folder.resolve("train-" + seed + ".csv"));
                Dataset unseen = ImbalancedBlobs.generate(20_000, 0.05, 1.5, 4, 1000 + seed);
                for (Map.Entry<String, String> method : METHODS.entrySet()) {
                    RunOutcome outcome = host.run(PIPELINE.formatted(method.getKey(), seed, train, method.getValue()));
                    if (outcome.status() != RunStatus.SUCCEEDED) {
                        throw new IllegalStateException(method.getKey() + " failed: " + outcome.errorMessage());
                    }
                    RunRecord run = RunRecord.of(outcome);
                    rareRecall.get(method.getKey()).add(SavedModelCheck.recall(host, run, unseen, ImbalancedBlobs.TASK, 1));
                    commonRecall.get(method.getKey()).add(SavedModelCheck.recall(host, run, unseen, ImbalancedBlobs.TASK, 0));
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d seeds; median [min, max] on 20 000 unseen rows%n", seeds);
        System.out.printf(Locale.ROOT, "| augment | rare-class recall | common-class recall | balanced accuracy |%n|---|---|---|---|%n");
        for (String method : METHODS.keySet()) {
            List<Double> balanced = new ArrayList<>();
            for (int i = 0; i < seeds; i++) {
                balanced.add((rareRecall.get(method).get(i) + commonRecall.get(method).get(i)) / 2);
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", method, summary(rareRecall.get(method)),
                    summary(commonRecall.get(method)), summary(balanced));
        }
    }

    private static String summary(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", sorted.get(sorted.size() / 2), sorted.get(0),
                sorted.get(sorted.size() - 1));
    }
}
