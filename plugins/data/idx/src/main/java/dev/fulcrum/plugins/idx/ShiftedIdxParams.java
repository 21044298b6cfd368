package dev.fulcrum.plugins.idx;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.params.AtLeast;

import java.nio.file.Path;
import java.util.List;

public record ShiftedIdxParams(
        @Doc("folder of the IDX files; relative paths start at the pipeline file's folder") Path folder,
        @Doc("IDX images of the labelled source domain, in the folder") String sourceImages,
        @Doc("IDX labels of the source images") String sourceLabels,
        @Doc("IDX images that, shifted, make the target domain; other images than the source's") String targetImages,
        @Doc("IDX labels of the target images (hidden from training; used for test metrics)") String targetLabels,
        @Doc("source rows: the first this many images of the source file") @AtLeast(1) Integer sourceRows,
        @Doc("target rows: the first this many images of the target file") @AtLeast(1) Integer targetRows,
        @Doc("how target images differ: none, contrast, invert or noise") String shift,
        @Doc("contrast shift: x' = contrast-scale x + contrast-offset") Double contrastScale,
        @Doc("contrast shift: the grey level added") Double contrastOffset,
        @Doc("noise shift: standard deviation of the Gaussian noise added to each pixel") @AtLeast(0) Double noiseStd,
        @Doc("class names, in label order") List<String> classes,
        @Doc("seed of the noise shift; by default derived from the run's seed") Long seed) {

    /** The ten Fashion-MNIST classes (Xiao, Rasul and Vollgraf 2017). */
    static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");

    public ShiftedIdxParams {
        folder = folder == null ? Path.of("/usr/share/datasets/fashion-mnist") : folder;
        sourceImages = sourceImages == null ? "train-images-idx3-ubyte.gz" : sourceImages;
        sourceLabels = sourceLabels == null ? "train-labels-idx1-ubyte.gz" : sourceLabels;
        targetImages = targetImages == null ? "t10k-images-idx3-ubyte.gz" : targetImages;
        targetLabels = targetLabels == null ? "t10k-labels-idx1-ubyte.gz" : targetLabels;
        sourceRows = sourceRows == null ? 20_000 : sourceRows;
        targetRows = targetRows == null ? 5_000 : targetRows;
        shift = shift == null ? "contrast" : shift;
        contrastScale = contrastScale == null ? 0.4 : contrastScale;
        contrastOffset = contrastOffset == null ? 0.4 : contrastOffset;
        noiseStd = noiseStd == null ? 0.3 : noiseStd;
        classes = classes == null ? FASHION_CLASSES : List.copyOf(classes);
        if (!Shift.names().contains(shift)) {
            throw new InvalidParamsException("shift", "unknown shift \"" + shift + "\"; known: " + String.join(", ", Shift.names()));
        }
        if (classes.size() < 2) {
            throw new InvalidParamsException("classes", "name at least 2 classes, got " + classes);
        }
    }
}
