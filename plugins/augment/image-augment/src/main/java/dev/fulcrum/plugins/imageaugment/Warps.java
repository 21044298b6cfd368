package dev.fulcrum.plugins.imageaugment;

import dev.fulcrum.api.augment.Batch;
import dev.fulcrum.api.data.ImageShape;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Applies one of a few warps to each row: the rows that drew the same warp are warped together by
 * one matrix product, then every row goes back to its place.
 */
final class Warps {

    private Warps() {
    }

    /**
     * @param choice per row, which warp it drew
     * @param source the source map of each warp; {@code null} for one that leaves the image as it is
     * @param fill   the value of pixels a warp uncovers
     */
    static Batch apply(Batch rows, ImageShape shape, int[] choice, IntFunction<PixelMap.Source> source, double fill) {
        Map<Integer, List<Integer>> rowsByChoice = new TreeMap<>();
        for (int row = 0; row < choice.length; row++) {
            rowsByChoice.computeIfAbsent(choice[row], c -> new ArrayList<>()).add(row);
        }
        INDArray features = rows.features();
        List<INDArray> parts = new ArrayList<>();
        int[] placeOfRow = new int[choice.length];
        int next = 0;
        for (Map.Entry<Integer, List<Integer>> group : rowsByChoice.entrySet()) {
            int[] members = group.getValue().stream().mapToInt(Integer::intValue).toArray();
            INDArray part = Nd4j.pullRows(features, 1, members);
            PixelMap.Source map = source.apply(group.getKey());
            parts.add(map == null ? part : PixelMap.apply(part, shape, PixelMap.transposed(shape, map), fill));
            for (int member : members) {
                placeOfRow[member] = next++;
            }
        }
        if (parts.isEmpty()) {
            return rows;
        }
        INDArray grouped = parts.size() == 1 ? parts.get(0) : Nd4j.concat(0, parts.toArray(INDArray[]::new));
        return rows.withFeatures(Nd4j.pullRows(grouped, 1, placeOfRow));
    }
}
