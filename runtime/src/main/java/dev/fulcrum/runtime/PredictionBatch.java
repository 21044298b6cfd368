package dev.fulcrum.runtime;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** The predictions of a saved model for a batch of rows, per task, in the model's order of tasks. */
public final class PredictionBatch {

    private final Map<String, TaskPredictions> byTask;
    private final List<String> tasks;
    private final int rows;

    PredictionBatch(Map<String, TaskPredictions> byTask, int rows) {
        this.byTask = Map.copyOf(byTask);
        this.tasks = List.copyOf(byTask.keySet());
        this.rows = rows;
    }

    /** The tasks the model predicts, e.g. {@code [specific, general]}. */
    public List<String> tasks() {
        return tasks;
    }

    public int rows() {
        return rows;
    }

    public TaskPredictions task(String name) {
        TaskPredictions task = byTask.get(name);
        if (task == null) {
            throw new NoSuchElementException("the model has no task " + name + "; its tasks are " + tasks);
        }
        return task;
    }
}
