package dev.fulcrum.api.data;

import dev.fulcrum.api.Stable;

/**
 * The shape of image rows, stored flattened in channel, row, column order (as DL4J's
 * {@code InputType.convolutionalFlat} expects).
 */
@Stable
public record ImageShape(int channels, int height, int width) {
    public ImageShape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("image shape must be positive, got " + channels + "x" + height + "x" + width);
        }
    }

    public int size() {
        return channels * height * width;
    }
}
