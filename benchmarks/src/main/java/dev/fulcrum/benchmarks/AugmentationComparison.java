package dev.fulcrum.benchmarks;

import dev.fulcrum.core.cli.ConsoleProgress;
import dev.fulcrum.core.config.PipelineConfigReader;
import dev.fulcrum.core.pipeline.PipelineLauncher;
import dev.fulcrum.core.pipeline.RunOutcome;
import dev.fulcrum.core.pipeline.RunStatus;
import dev.fulcrum.core.threads.ThreadSettings;
import dev.fulcrum.testkit.TestHost;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Test accuracy of one pipeline with its {@code augment} list replaced by each augmentation in turn,
 * and by none, over several seeds (the run's seed, so the labelled subset, the initial weights and
 * the augmentation all change with it). Prints the median and range per augmentation and the median
 * of its paired difference to no augmentation.
 *
 * <p>Usage: {@code benchmarks/run AugmentationComparison PIPELINE.yaml [seeds] [extra-plugins-folder]};
 * the plugins on the benchmarks' class path are loaded, plus every jar in the extra folder (a data
 * plugin built elsewhere, say).
 */
public final class AugmentationComparison {

    private static final Map<String, String> SETTINGS = new LinkedHashMap<>();

    static {
        SETTINGS.put("none", "[]");
        SETTINGS.put("gaussian-noise", "[{type: gaussian-noise, std: 0.1}]");
        SETTINGS.put("mixup", "[{type: mixup, alpha: 0.2}]");
        SETTINGS.put("shift 1 px", "[{type: shift, max-pixels: 1}]");
        SETTINGS.put("shift 2 px", "[{type: shift, max-pixels: 2}]");
        SETTINGS.put("flip", "[{type: flip}]");
        SETTINGS.put("rotate 5 degrees", "[{type: rotate, max-degrees: 5}]");
        SETTINGS.put("cutmix", "[{type: cutmix}]");
        SETTINGS.put("random-erasing", "[{type: random-erasing}]");
        SETTINGS.put("shift 1 px + flip", "[{type: shift, max-pixels: 1}, {type: flip}]");
    }

    private AugmentationComparison() {
    }

    public static void main(String[] args) throws IOException {
        Path pipeline = Path.of(args[0]);
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Path> jars = new ArrayList<>(TestHost.pluginJarsOnClassPath());
        if (args.length > 2) {
            try (Stream<Path> extra = Files.list(Path.of(args[2]))) {
                extra.filter(p -> p.toString().endsWith(".jar")).forEach(jars::add);
            }
        }
        ThreadSettings.apply();
        Path runs = Files.createTempDirectory("fulcrum-augmentation-");
        Map<String, List<Double>> accuracy = new LinkedHashMap<>();
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        SETTINGS.keySet().forEach(name -> {
            accuracy.put(name, new ArrayList<>());
            seconds.put(name, new ArrayList<>());
        });
        try (TestHost host = TestHost.withJars(jars)) {
            PipelineLauncher launcher = new PipelineLauncher(host.host(), new ConsoleProgress(new PrintWriter(new StringWriter()), false));
            for (int seed = 1; seed <= seeds; seed++) {
                for (Map.Entry<String, String> setting : SETTINGS.entrySet()) {
                    long started = System.nanoTime();
                    RunOutcome outcome = launcher.run(PipelineConfigReader.read(pipeline, List.of("augment=" + setting.getValue()),
                            (long) seed), runs);
                    if (outcome.status() != RunStatus.SUCCEEDED) {
                        throw new IllegalStateException(setting.getKey() + " failed: " + outcome.errorMessage());
                    }
                    accuracy.get(setting.getKey()).add(outcome.summary().path("metrics").path("test").path("specific")
                            .path("accuracy").asDouble());
                    seconds.get(setting.getKey()).add((System.nanoTime() - started) / 1e9);
                    System.err.printf(Locale.ROOT, "seed %d %-15s %.4f%n", seed, setting.getKey(), last(accuracy.get(setting.getKey())));
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s, %d seeds; runs in %s%n", pipeline, seeds, runs);
        System.out.printf(Locale.ROOT, "| augment | test accuracy, median [min, max] | paired difference to none, median [min, max] "
                + "| seconds per run |%n|---|---|---|---:|%n");
        List<Double> none = accuracy.get("none");
        for (String name : SETTINGS.keySet()) {
            List<Double> differences = new ArrayList<>();
            for (int i = 0; i < seeds; i++) {
                differences.add(accuracy.get(name).get(i) - none.get(i));
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %.0f |%n", name, summary(accuracy.get(name), "%.4f"),
                    name.equals("none") ? "" : summary(differences, "%+.4f"), median(seconds.get(name)));
        }
    }

    private static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String summary(List<Double> values, String format) {
        return String.format(Locale.ROOT, format + " [" + format + ", " + format + "]", median(values), Collections.min(values),
                Collections.max(values));
    }
}
