package dev.fulcrum.testkit;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An imbalanced two-class problem for resampling tests and benchmarks: the common class is
 * {@code N(0, I)}, the rare one {@code N(shift * 1, I)}, in {@code dims} columns {@code x0..}, with the
 * task {@code label} of classes {@code common, rare}.
 */
public final class ImbalancedBlobs {

    public static final String TASK = "label";
    public static final List<String> CLASSES = List.of("common", "rare");
    public static final int RARE = 1;

    private ImbalancedBlobs() {
    }

    public static Dataset generate(int rows, double rareShare, double shift, int dims, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] features = new float[rows][dims];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = random.nextDouble() < rareShare ? RARE : 0;
            for (int j = 0; j < dims; j++) {
                features[i][j] = (float) (gaussian(random) + (labels[i] == RARE ? shift : 0));
            }
        }
        Schema schema = new Schema(Schema.numberedFeatures("x", dims, "blobs"), List.of(new Task(TASK, CLASSES)),
                List.of(Domains.SOURCE), null);
        return Dataset.builder(schema, Nd4j.createFromArray(features)).labels(TASK, labels).build();
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** Writes the rows as CSV with a header {@code x0,..,label}, for the csv data source. */
    public static Path writeCsv(Dataset data, Path file) {
        List<String> lines = new ArrayList<>();
        List<String> header = new ArrayList<>(data.schema().featureNames());
        header.add(TASK);
        lines.add(String.join(",", header));
        float[][] features = data.features().toFloatMatrix();
        int[] labels = data.labels(TASK);
        for (int i = 0; i < features.length; i++) {
            StringBuilder line = new StringBuilder();
            for (float value : features[i]) {
                line.append(value).append(',');
            }
            lines.add(line.append(CLASSES.get(labels[i])).toString());
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
