package dev.fulcrum.core.representation;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code fulcrum inspect --export DIR}: the activations it measured, as NumPy files, so that other tools can check
 * the numbers. Per row sample {@code S} ({@code general-train}, {@code specific-validation}, ...):
 * {@code DIR/S.rows.npy} (int64, each row's number in the run's prepared rows, in the order of the matrices' rows)
 * and {@code DIR/S.labels.npy} (int32, the rows' classes); per model {@code M} ({@code final}, {@code theta0},
 * {@code against}) and layer {@code L}: {@code DIR/M/S/L.npy} (float32, rows x units). Characters of a layer's name
 * other than letters, digits, {@code .}, {@code _} and {@code -} become {@code _}.
 */
final class ActivationExport {

    private ActivationExport() {
    }

    /** @param byModel model name to its activations, each on some of {@code samples} */
    static void write(Path folder, List<RowSample> samples, Map<String, SampleActivations> byModel) {
        for (RowSample sample : samples) {
            if (sample.isEmpty()) {
                continue;
            }
            NpyFile.writeLongs(folder.resolve(sample.name() + ".rows.npy"), Arrays.stream(sample.rows()).asLongStream().toArray());
            NpyFile.writeInts(folder.resolve(sample.name() + ".labels.npy"), sample.labels());
            byModel.forEach((model, activations) -> {
                for (String layer : activations.layers()) {
                    INDArray values = activations.of(sample, layer);
                    if (values != null) {
                        NpyFile.writeFloats(folder.resolve(model).resolve(sample.name()).resolve(fileName(layer) + ".npy"), values);
                    }
                }
            });
        }
    }

    private static String fileName(String layer) {
        return layer.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
