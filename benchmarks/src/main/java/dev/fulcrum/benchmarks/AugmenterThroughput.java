package dev.fulcrum.benchmarks;

import dev.fulcrum.api.ComponentFactory;
import dev.fulcrum.api.augment.Augmenter;
import dev.fulcrum.api.augment.Batch;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.ImageShape;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.core.threads.ThreadSettings;
import dev.fulcrum.runtime.config.ConfigDocument;
import dev.fulcrum.runtime.config.ConfigPath;
import dev.fulcrum.runtime.config.ParamsBinder;
import dev.fulcrum.testkit.ImbalancedBlobs;
import dev.fulcrum.testkit.TestHost;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Rows per second of every augmenter, applied as the training loop applies it (once per epoch, to
 * all training rows at once), made by the plugins a real host loaded, with default params. Image
 * augmenters, mixup and noise work on 28x28 single-channel images (Fashion-MNIST's shape) with 10
 * classes; smote and class-balance on 20 columns with 10 % rare rows. Rounds alternate over the
 * augmenters so that load from elsewhere falls on all alike; the median of the rounds is shown.
 *
 * <p>Usage: {@code benchmarks/run AugmenterThroughput [rows] [rounds]}
 */
public final class AugmenterThroughput {

    private static final List<String> IMAGE_CASES = List.of("gaussian-noise", "mixup", "shift", "flip", "rotate", "cutmix",
            "random-erasing");
    private static final List<String> TABULAR_CASES = List.of("class-balance", "smote");

    private AugmenterThroughput() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ThreadSettings.apply();
        Batch images = images(rows);
        Batch tabular = tabular(rows);
        try (TestHost host = TestHost.withJars(TestHost.pluginJarsOnClassPath())) {
            Map<String, Augmenter> augmenters = new LinkedHashMap<>();
            for (String type : IMAGE_CASES) {
                augmenters.put(type, withDefaults(host, type));
            }
            for (String type : TABULAR_CASES) {
                augmenters.put(type, withDefaults(host, type));
            }
            Map<String, List<Double>> seconds = new LinkedHashMap<>();
            augmenters.keySet().forEach(type -> seconds.put(type, new ArrayList<>()));
            for (int round = -1; round < rounds; round++) {
                for (Map.Entry<String, Augmenter> entry : augmenters.entrySet()) {
                    Batch input = IMAGE_CASES.contains(entry.getKey()) ? images : tabular;
                    long started = System.nanoTime();
                    Batch output = entry.getValue().apply(input, round + 2);
                    output.features().sumNumber();
                    double elapsed = (System.nanoTime() - started) / 1e9;
                    if (round >= 0) {
                        seconds.get(entry.getKey()).add(elapsed);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%d input rows, %d rounds (median), %d cores, OMP_NUM_THREADS=%s%n", rows, rounds,
                    Runtime.getRuntime().availableProcessors(), System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
            System.out.printf(Locale.ROOT, "| augmenter | rows | rows per second |%n|---|---|---:|%n");
            seconds.forEach((type, times) -> System.out.printf(Locale.ROOT, "| %s | %s | %,.0f |%n", type,
                    IMAGE_CASES.contains(type) ? "1x28x28 images" : "20 columns, 10 % rare", rows / median(times)));
        }
    }

    private static Augmenter withDefaults(TestHost host, String type) {
        ComponentFactory<?, ?> factory = host.host().catalog().find(Family.AUGMENT, type)
                .orElseThrow(() -> new IllegalStateException("no plugin provides augmenter " + type)).factory();
        ConfigDocument empty = ConfigDocument.parse("{}", "defaults");
        Record params = (Record) new ParamsBinder(Path.of(".")).bind(empty.root(), factory.paramsType(), ConfigPath.ROOT, empty);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Augmenter augmenter = (Augmenter) ((ComponentFactory) factory).create(params, null);
        return augmenter;
    }

    private static Batch images(int rows) {
        List<String> classes = IntStream.range(0, 10).mapToObj(c -> "c" + c).toList();
        Schema schema = new Schema(Schema.numberedFeatures("pixel", 784, "benchmark"), List.of(new Task("specific", classes)),
                List.of(Domains.SOURCE), new ImageShape(1, 28, 28));
        INDArray labels = Nd4j.zeros(DataType.FLOAT, rows, 10);
        for (int i = 0; i < rows; i++) {
            labels.putScalar(i, i % 10, 1f);
        }
        return new Batch(schema, Nd4j.rand(DataType.FLOAT, rows, 784), Map.of("specific", labels),
                Map.of("specific", Nd4j.ones(DataType.FLOAT, rows, 1)), Nd4j.ones(DataType.FLOAT, rows, 1));
    }

    private static Batch tabular(int rows) {
        Dataset data = ImbalancedBlobs.generate(rows, 0.1, 1.5, 20, 1).withTaskRenamed(ImbalancedBlobs.TASK, "specific");
        int[] labels = data.labels("specific");
        INDArray oneHot = Nd4j.zeros(DataType.FLOAT, rows, 2);
        for (int i = 0; i < rows; i++) {
            oneHot.putScalar(i, labels[i], 1f);
        }
        return new Batch(data.schema(), data.features(), Map.of("specific", oneHot), Map.of("specific", Nd4j.ones(DataType.FLOAT, rows, 1)),
                Nd4j.ones(DataType.FLOAT, rows, 1));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
