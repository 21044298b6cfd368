package dev.fulcrum.plugins.imageaugment;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.augment.Batch;
import dev.fulcrum.api.data.ImageShape;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Training rows seen as images: flattened channel, row, column, as the schema's image shape says. */
final class ImageRows {

    private ImageRows() {
    }

    /** The rows' image shape, or a clear error for rows that are not images. */
    static ImageShape shape(Batch rows, String type) {
        return rows.schema().image().orElseThrow(() -> new InvalidInputException(type + " works on images, but the training "
                + "rows have no image shape (their data source read plain columns); use an image source such as idx, "
                + "or remove " + type + " from augment"));
    }

    /** A view {@code [rows, channels, height * width]} of flattened image rows. */
    static INDArray byChannel(INDArray features, ImageShape shape) {
        return features.reshape('c', features.rows(), shape.channels(), (long) shape.height() * shape.width());
    }
}
