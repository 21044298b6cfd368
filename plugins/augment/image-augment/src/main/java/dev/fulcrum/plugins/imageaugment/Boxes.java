package dev.fulcrum.plugins.imageaugment;

import dev.fulcrum.api.data.ImageShape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** One rectangle of pixels per image row, as a 0/1 mask built with array operations, and pasting into it. */
final class Boxes {

    private final int[] top;
    private final int[] bottom;
    private final int[] left;
    private final int[] right;

    /** Empty boxes for {@code rows} rows; {@link #set} gives some of them an extent. */
    Boxes(int rows) {
        top = new int[rows];
        bottom = new int[rows];
        left = new int[rows];
        right = new int[rows];
    }

    /** Row {@code row}'s box: image rows {@code [top, bottom)}, image columns {@code [left, right)}. */
    void set(int row, int top, int bottom, int left, int right) {
        this.top[row] = top;
        this.bottom[row] = bottom;
        this.left[row] = left;
        this.right[row] = right;
    }

    int area(int row) {
        return (bottom[row] - top[row]) * (right[row] - left[row]);
    }

    /** {@code [rows, H W]}: 1 on the pixels inside each row's box, 0 elsewhere. */
    INDArray mask(ImageShape shape) {
        int rows = top.length;
        INDArray inRows = within(shape.height(), top, bottom).reshape(rows, shape.height(), 1);
        INDArray inColumns = within(shape.width(), left, right).reshape(rows, 1, shape.width());
        return inRows.mul(inColumns).reshape('c', rows, (long) shape.height() * shape.width());
    }

    /** {@code [rows, size]}: 1 where {@code from[row] <= position < to[row]}, from two broadcast comparisons. */
    private static INDArray within(int size, int[] from, int[] to) {
        INDArray positions = Nd4j.arange(0, size).castTo(DataType.FLOAT).reshape(1, size);
        INDArray start = Nd4j.createFromArray(from).castTo(DataType.FLOAT).reshape(from.length, 1);
        INDArray end = Nd4j.createFromArray(to).castTo(DataType.FLOAT).reshape(to.length, 1);
        return Transforms.step(positions.sub(start).addi(0.5)).muli(Transforms.step(end.sub(positions).subi(0.5)));
    }

    /** The images with the pixels inside each row's box taken from {@code fill} (same shape), in every channel. */
    INDArray paste(INDArray features, ImageShape shape, INDArray fill) {
        INDArray images = ImageRows.byChannel(features, shape);
        INDArray mask = mask(shape).reshape(features.rows(), 1, (long) shape.height() * shape.width());
        return images.add(ImageRows.byChannel(fill, shape).sub(images).muli(mask)).reshape('c', features.rows(), shape.size());
    }
}
