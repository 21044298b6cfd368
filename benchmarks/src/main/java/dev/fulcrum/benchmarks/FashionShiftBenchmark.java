package dev.fulcrum.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fashion-MNIST under three shifts ({@code examples/fashion-shift.yaml}): target test accuracy of a
 * source-only model and of every adaptation method, next to the in-domain accuracy (the source-only
 * model on held-out source images), as a Markdown table. Feature augmentation needs some target
 * labels, so it runs, with its own source-only baseline, with 10% of the target's training labels.
 *
 * <p>Usage: {@code benchmarks/adaptation FashionShiftBenchmark [seed]}
 */
public final class FashionShiftBenchmark {

    private static final Path EXAMPLE = Path.of("examples/fashion-shift.yaml");
    private static final List<String> SHIFTS = List.of("contrast", "invert", "noise");
    private static final String DANN = "strategy={type: dann, epochs: 10, batch-size: 128, learning-rate: 0.001}";

    private record Variant(String label, List<String> overrides) {
    }

    private static final List<Variant> VARIANTS = List.of(
            new Variant("source only", List.of("adapt=[]")),
            new Variant("domain-standardize", List.of("adapt=[{type: domain-standardize}]")),
            new Variant("coral (regularizer 1)", List.of("adapt=[{type: coral}]")),
            new Variant("domain-standardize, then coral", List.of("adapt=[{type: domain-standardize}, {type: coral}]")),
            new Variant("subspace-alignment (50 dimensions)", List.of("adapt=[{type: subspace-alignment, dimensions: 50}]")),
            new Variant("importance-weighting", List.of("adapt=[{type: importance-weighting}]")),
            new Variant("dann (strategy)", List.of("adapt=[]", DANN)),
            new Variant("source only, 10% target labels", List.of("adapt=[]", "split.target-labelled=0.1")),
            new Variant("feature-augmentation, 10% target labels", List.of("adapt=[{type: feature-augmentation}]",
                    "split.target-labelled=0.1")));

    private FashionShiftBenchmark() {
    }

    public static void main(String[] args) {
        Path plugins = PipelineRuns.pluginsFolder(args);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        StringBuilder table = new StringBuilder();
        table.append("| method | ").append(String.join(" | ", SHIFTS)).append(" |\n|---|")
                .append("---|".repeat(SHIFTS.size())).append('\n');
        double inDomain = Double.NaN;
        try (PipelineRuns runs = new PipelineRuns(plugins)) {
            for (Variant variant : VARIANTS) {
                List<String> cells = new ArrayList<>();
                for (String shift : SHIFTS) {
                    List<String> overrides = new ArrayList<>(variant.overrides());
                    overrides.add("data.specific.shift=" + shift);
                    ObjectNode summary = runs.run(EXAMPLE, seed, overrides);
                    cells.add(String.format(Locale.ROOT, "%.3f", PipelineRuns.number(summary, "metrics_by_domain.target.test.specific.accuracy")));
                    if (variant == VARIANTS.get(0) && Double.isNaN(inDomain)) {
                        inDomain = PipelineRuns.number(summary, "metrics_by_domain.source.test.specific.accuracy");
                    }
                    System.err.println(variant.label() + ", " + shift + ": " + cells.get(cells.size() - 1));
                }
                table.append("| ").append(variant.label()).append(" | ").append(String.join(" | ", cells)).append(" |\n");
            }
        }
        System.out.printf(Locale.ROOT, "%s, seed %d: target test accuracy (in-domain accuracy, source-only model on "
                + "held-out source images: %.3f)%n%n%s", EXAMPLE, seed, inDomain, table);
    }
}
