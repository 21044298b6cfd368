package dev.fulcrum.plugins.imageaugment;

import dev.fulcrum.api.augment.Batch;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.ImageShape;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** Small image batches built pixel by pixel, for checking augmenters against what they must do. */
final class ImageBatches {

    private ImageBatches() {
    }

    /** Pixel value of one image at channel, row, column. */
    interface Pixels {
        float at(int channel, int y, int x);
    }

    /** {@code n} images; row {@code i} has class {@code i} (one-hot target {@code e_i}), so mixing shows in the targets. */
    static Batch images(ImageShape shape, int n, IntFunction<Pixels> image) {
        float[][] features = new float[n][shape.size()];
        for (int row = 0; row < n; row++) {
            Pixels pixels = image.apply(row);
            for (int c = 0; c < shape.channels(); c++) {
                for (int y = 0; y < shape.height(); y++) {
                    for (int x = 0; x < shape.width(); x++) {
                        features[row][(c * shape.height() + y) * shape.width() + x] = pixels.at(c, y, x);
                    }
                }
            }
        }
        return batch(Nd4j.createFromArray(features), shape, n);
    }

    /** Plain rows with no image shape. */
    static Batch plainRows(int n, int columns) {
        return batch(Nd4j.rand(DataType.FLOAT, n, columns), null, n);
    }

    private static Batch batch(INDArray features, ImageShape shape, int n) {
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < Math.max(2, n); c++) {
            classes.add("c" + c);
        }
        Schema schema = new Schema(Schema.numberedFeatures("p", features.columns(), "test"),
                List.of(new Task("specific", classes)), List.of(Domains.SOURCE), shape);
        INDArray targets = Nd4j.eye(classes.size()).castTo(DataType.FLOAT).get(NDArrayIndex.interval(0, n), NDArrayIndex.all()).dup();
        return new Batch(schema, features, Map.of("specific", targets), Map.of("specific", Nd4j.ones(DataType.FLOAT, n, 1)),
                Nd4j.ones(DataType.FLOAT, n, 1));
    }

    /** One channel of one output row as {@code [height][width]}. */
    static float[][] channel(Batch rows, int row, int channel) {
        ImageShape shape = rows.schema().image().orElseThrow();
        float[] all = rows.features().getRow(row).toFloatVector();
        float[][] image = new float[shape.height()][shape.width()];
        for (int y = 0; y < shape.height(); y++) {
            System.arraycopy(all, (channel * shape.height() + y) * shape.width(), image[y], 0, shape.width());
        }
        return image;
    }
}
