package dev.fulcrum.api.data;

import dev.fulcrum.api.Stable;

import java.util.List;
import java.util.Objects;

/**
 * A classification task: a name and its class names. Labels are indices into {@code classes}.
 */
@Stable
public record Task(String name, List<String> classes) {
    public Task {
        Objects.requireNonNull(name, "name");
        classes = List.copyOf(classes);
        if (classes.size() < 2) {
            throw new IllegalArgumentException("task " + name + " needs at least 2 classes, got " + classes);
        }
    }

    public int classCount() {
        return classes.size();
    }

    public Task renamed(String newName) {
        return new Task(newName, classes);
    }
}
