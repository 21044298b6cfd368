package dev.fulcrum.runtime;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.model.TrainableModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Class probabilities of a model for chosen rows, computed in chunks. */
public final class Predictions {

    private static final int CHUNK = 2048;

    private Predictions() {
    }

    /** Probabilities {@code [rows, classes]} per task, in inference mode, for one or more rows. */
    public static Map<String, INDArray> probabilities(TrainableModel model, Dataset data, int[] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("no rows to predict");
        }
        List<String> outputs = model.outputs();
        Map<String, List<INDArray>> chunks = new LinkedHashMap<>();
        outputs.forEach(task -> chunks.put(task, new ArrayList<>()));
        for (int start = 0; start < rows.length; start += CHUNK) {
            int[] chunk = java.util.Arrays.copyOfRange(rows, start, Math.min(rows.length, start + CHUNK));
            INDArray[] out = model.graph().output(false, Nd4j.pullRows(data.features(), 1, chunk));
            for (int o = 0; o < outputs.size(); o++) {
                chunks.get(outputs.get(o)).add(out[o].detach());
            }
        }
        Map<String, INDArray> result = new LinkedHashMap<>();
        chunks.forEach((task, parts) -> result.put(task,
                parts.size() == 1 ? parts.get(0) : Nd4j.concat(0, parts.toArray(INDArray[]::new))));
        return result;
    }

    public static int[] argmax(INDArray probabilities) {
        if (probabilities.rows() == 0) {
            return new int[0];
        }
        return probabilities.argMax(1).toIntVector();
    }
}
