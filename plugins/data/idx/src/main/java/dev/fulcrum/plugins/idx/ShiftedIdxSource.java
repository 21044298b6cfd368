package dev.fulcrum.plugins.idx;

import dev.fulcrum.api.DataFileException;
import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.data.DataSource;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.ImageShape;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import dev.fulcrum.math.arrays.FloatMatrices;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Source rows (the first {@code source-rows} images of the source file, as they are) followed by target
 * rows (the first {@code target-rows} images of the target file, shifted). The files are read and
 * checked whole by {@link IdxFile}, as the {@code idx} source reads them.
 */
final class ShiftedIdxSource implements DataSource {

    private static final float PIXEL_SCALE = 1f / 255f;

    private final ShiftedIdxParams params;
    private final long seed;
    private final RunContext context;

    ShiftedIdxSource(ShiftedIdxParams params, long seed, RunContext context) {
        this.params = params;
        this.seed = seed;
        this.context = context;
    }

    @Override
    public Dataset load() {
        IdxFile source = IdxFile.read(file(params.sourceImages()), 3, "image files");
        IdxFile target = IdxFile.read(file(params.targetImages()), 3, "image files");
        int sourceRows = Math.min(source.count(), params.sourceRows());
        int targetRows = Math.min(target.count(), params.targetRows());
        int[] sourceLabels = labels(params.sourceLabels(), sourceRows);
        int[] targetLabels = labels(params.targetLabels(), targetRows);
        int[] shape = source.recordShape();
        if (!Arrays.equals(target.recordShape(), shape)) {
            throw new DataFileException(target.file(), 0, null, "images are " + shapeText(target.recordShape())
                    + ", the source's " + shapeText(shape));
        }
        for (String name : List.of(params.sourceImages(), params.sourceLabels(), params.targetImages(), params.targetLabels())) {
            context.recordInput(file(name));
        }
        int n = sourceRows + targetRows;
        int[] labels = Arrays.copyOf(sourceLabels, n);
        System.arraycopy(targetLabels, 0, labels, sourceRows, targetRows);
        int[] domains = new int[n];
        Arrays.fill(domains, sourceRows, n, 1);
        ImageShape image = new ImageShape(1, shape[0], shape[1]);
        Schema schema = new Schema(Schema.numberedFeatures("pixel", image.size(), "idx"),
                List.of(new Task(Tasks.SPECIFIC, params.classes())), List.of(Domains.SOURCE, Domains.TARGET), image);
        INDArray targetPixels = Shift.named(params.shift()).apply(pixels(target, targetRows, image.size()), params, seed);
        return Dataset.builder(schema, Nd4j.vstack(pixels(source, sourceRows, image.size()), targetPixels))
                .labels(Tasks.SPECIFIC, labels)
                .domains(domains)
                .ids(ids(sourceRows, targetRows))
                .build();
    }

    /** The source rows by their source file's record, then the target rows by theirs. */
    private String[] ids(int sourceRows, int targetRows) {
        String[] ids = Arrays.copyOf(Dataset.numberedIds(file(params.sourceImages()).getFileName().toString(), sourceRows),
                sourceRows + targetRows);
        System.arraycopy(Dataset.numberedIds(file(params.targetImages()).getFileName().toString(), targetRows), 0, ids,
                sourceRows, targetRows);
        return ids;
    }

    private Path file(String name) {
        return params.folder().resolve(name);
    }

    /** The first {@code rows} images of a file, one row each, pixels scaled to [0, 1]. */
    private static INDArray pixels(IdxFile images, int rows, int size) {
        float[] pixels = new float[rows * size];
        for (int record = 0; record < rows; record++) {
            images.copyScaled(record, PIXEL_SCALE, pixels, record * size);
        }
        return FloatMatrices.rowMajor(pixels, rows, size);
    }

    /** The first {@code rows} labels of a file, each checked to name one of the classes. */
    private int[] labels(String name, int rows) {
        IdxFile file = IdxFile.read(file(name), 1, "label files");
        if (file.count() < rows) {
            throw new DataFileException(file.file(), 0, null, "has " + file.count() + " labels for " + rows + " images");
        }
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = file.value(i, 0);
            if (labels[i] >= params.classes().size()) {
                throw new DataFileException(file.file(), i + 1, null, "label " + labels[i] + " is outside the "
                        + params.classes().size() + " classes " + params.classes());
            }
        }
        return labels;
    }

    private static String shapeText(int[] shape) {
        return shape[0] + "x" + shape[1];
    }
}
