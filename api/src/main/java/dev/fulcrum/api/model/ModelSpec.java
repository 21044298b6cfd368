package dev.fulcrum.api.model;

import dev.fulcrum.api.Stable;
import dev.fulcrum.api.data.ImageShape;
import dev.fulcrum.api.data.Task;
import org.nd4j.linalg.learning.config.IUpdater;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a model must fit: the number of input features (and their image shape, where rows are
 * images), one head per task, the seed for weight initialisation and the updater to configure. The
 * training strategy sets learning rates per layer while it trains, so the updater's own rate is
 * only a starting value.
 */
@Stable
public record ModelSpec(int inputSize, ImageShape image, List<Task> tasks, long seed, IUpdater updater) {
    public ModelSpec {
        tasks = List.copyOf(tasks);
        Objects.requireNonNull(updater, "updater");
        if (inputSize < 1) {
            throw new IllegalArgumentException("input size must be positive, got " + inputSize);
        }
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one task");
        }
    }

    public Optional<ImageShape> imageShape() {
        return Optional.ofNullable(image);
    }
}
