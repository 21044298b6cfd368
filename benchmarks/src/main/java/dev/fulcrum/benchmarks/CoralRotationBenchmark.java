package dev.fulcrum.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ADAPT's CORAL protocol ({@code examples/coral-rotation.yaml}) over several seeds: target test
 * accuracy of a source-only model and of one trained after CORAL, with the L2-penalised logistic
 * model of the example and with a nearly unpenalised one, as median and range; and the covariance
 * distance between the domains before and after CORAL.
 *
 * <p>Usage: {@code benchmarks/adaptation CoralRotationBenchmark [seeds]}
 */
public final class CoralRotationBenchmark {

    private static final Path EXAMPLE = Path.of("examples/coral-rotation.yaml");
    private static final String TARGET_ACCURACY = "metrics_by_domain.target.test.specific.accuracy";

    private record Variant(String label, List<String> overrides) {
    }

    private CoralRotationBenchmark() {
    }

    public static void main(String[] args) {
        Path plugins = PipelineRuns.pluginsFolder(args);
        int seeds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        List<Variant> variants = List.of(
                new Variant("logistic l2 = 0.0017 (C = 1), source only", List.of("adapt=[]")),
                new Variant("logistic l2 = 0.0017 (C = 1), CORAL", List.of()),
                new Variant("logistic l2 = 0 (unpenalised), source only", List.of("adapt=[]", "model.l2=0")),
                new Variant("logistic l2 = 0 (unpenalised), CORAL", List.of("model.l2=0")));
        List<Double> gapBefore = new ArrayList<>();
        List<Double> gapAfter = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%s, seeds 1..%d: target test accuracy%n", EXAMPLE, seeds);
        System.out.printf(Locale.ROOT, "| %-46s | median | range         |%n", "model, adaptation");
        System.out.printf(Locale.ROOT, "|%s|--------|---------------|%n", "-".repeat(48));
        try (PipelineRuns runs = new PipelineRuns(plugins)) {
            for (Variant variant : variants) {
                List<Double> accuracies = new ArrayList<>();
                for (int seed = 1; seed <= seeds; seed++) {
                    ObjectNode summary = runs.run(EXAMPLE, seed, variant.overrides());
                    accuracies.add(PipelineRuns.number(summary, TARGET_ACCURACY));
                    if (variant == variants.get(1)) {
                        gapBefore.add(PipelineRuns.number(summary, "domain_gap.before.covariance_distance"));
                        gapAfter.add(PipelineRuns.number(summary, "domain_gap.after.covariance_distance"));
                    }
                }
                System.out.printf(Locale.ROOT, "| %-46s | %.3f  | %.3f - %.3f |%n", variant.label(),
                        ThreadSettingsBenchmark.median(accuracies), min(accuracies), max(accuracies));
            }
        }
        System.out.printf(Locale.ROOT, "covariance distance, median over seeds: %.4f before CORAL, %.4f after%n",
                ThreadSettingsBenchmark.median(gapBefore), ThreadSettingsBenchmark.median(gapAfter));
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }
}
