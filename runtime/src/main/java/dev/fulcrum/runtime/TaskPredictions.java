package dev.fulcrum.runtime;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * One task's predictions for a batch of rows: the decided class per row (the saved decision rule's
 * for the task it was fitted on, else the most probable class) and the class probabilities.
 */
public final class TaskPredictions {

    private final String task;
    private final List<String> classes;
    private final int[] decided;
    /** {@code [rows, classes]} in row-major order: one copy out of ND4J, not one per row. */
    private final float[] probabilities;

    TaskPredictions(String task, List<String> classes, int[] decided, INDArray probabilities) {
        this.task = task;
        this.classes = List.copyOf(classes);
        this.decided = decided;
        this.probabilities = probabilities.dup('c').data().asFloat();
    }

    public String task() {
        return task;
    }

    /** The class names, in the order of {@link #probabilities(int)}. */
    public List<String> classes() {
        return classes;
    }

    public int rows() {
        return decided.length;
    }

    /** The decided class of a row, as its index in {@link #classes()}. */
    public int classIndex(int row) {
        return decided[row];
    }

    /** The decided class of a row, by name. */
    public String className(int row) {
        return classes.get(decided[row]);
    }

    /** A row's probability of each class, in the order of {@link #classes()}; a copy. */
    public float[] probabilities(int row) {
        int width = classes.size();
        return java.util.Arrays.copyOfRange(probabilities, row * width, (row + 1) * width);
    }
}
