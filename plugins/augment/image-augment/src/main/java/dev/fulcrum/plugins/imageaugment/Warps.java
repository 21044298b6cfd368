package dev.fulcrum.plugins.imageaugment;

import dev.fulcrum.api.augment.Batch;
import dev.fulcrum.api.data.ImageShape;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Applies one of a few warps to each row: the rows that drew the same warp are warped together by
 * one matrix product, then every row goes back to its place. An augmenter keeps one instance for
 * its run, so each warp's pixel map is built once, not every epoch.
 */
final class Warps {

    /** Where each warp reads from in an image of a shape; {@code null} for a warp that leaves images as they are. */
    @FunctionalInterface
    interface Sources {
        PixelMap.Source of(ImageShape shape, int choice);
    }

    private final Sources sources;
    private final double fill;
    private final Map<Integer, Optional<INDArray>> maps = new HashMap<>();
    private ImageShape mapped;

    /** @param fill the value of pixels a warp uncovers */
    Warps(Sources sources, double fill) {
        this.sources = sources;
        this.fill = fill;
    }

    /** @param choice per row, which warp it drew */
    Batch apply(Batch rows, ImageShape shape, int[] choice) {
        if (!shape.equals(mapped)) {
            maps.clear();
            mapped = shape;
        }
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
            Optional<INDArray> map = maps.computeIfAbsent(group.getKey(),
                    c -> Optional.ofNullable(sources.of(shape, c)).map(source -> PixelMap.transposed(shape, source)));
            parts.add(map.isEmpty() ? part : PixelMap.apply(part, shape, map.get(), fill));
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
