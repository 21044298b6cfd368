package dev.fulcrum.core.pipeline;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The training rows of one task that a run leaves out, named by id (one fold of {@code fulcrum review}'s
 * cross-fitting): once the rows are split, {@link HoldOutStage} drops them, so the run neither trains on them nor
 * sees them anywhere else; every other row, the other task's included, stays as it was. It keeps the ids of the task's
 * training rows that remained, so a caller can check what the run trained on.
 */
public final class HeldOutRows {

    /** A run that leaves nothing out. */
    public static final HeldOutRows NONE = new HeldOutRows(null, Set.of());

    private final String task;
    private final Set<String> ids;
    private List<String> trained;

    private HeldOutRows(String task, Set<String> ids) {
        this.task = task;
        this.ids = Set.copyOf(ids);
    }

    /** The training rows of {@code task} with these ids. */
    public static HeldOutRows of(String task, Set<String> ids) {
        return new HeldOutRows(task, ids);
    }

    /**
     * The rows without the held-out ones.
     *
     * @throws IllegalStateException where a held-out id is not among the task's training rows (the split differs
     *     from the one the ids were drawn from)
     */
    Dataset apply(Dataset data) {
        if (task == null) {
            return data;
        }
        int[] labels = data.labels(task);
        List<Integer> kept = new ArrayList<>(data.rows());
        List<String> trainedIds = new ArrayList<>();
        int dropped = 0;
        for (int row = 0; row < data.rows(); row++) {
            boolean training = labels[row] != Dataset.NO_LABEL && data.partition(row) == Partition.TRAIN;
            if (training && ids.contains(data.id(row))) {
                dropped++;
                continue;
            }
            kept.add(row);
            if (training) {
                trainedIds.add(data.id(row));
            }
        }
        if (dropped != ids.size()) {
            throw new IllegalStateException("of the " + ids.size() + " held-out " + task + " rows only " + dropped
                    + " are among its training rows after the split");
        }
        trained = List.copyOf(trainedIds);
        return data.select(kept.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The ids of the task's training rows the run kept (and trained on); empty before the split ran. */
    public List<String> trained() {
        return trained == null ? List.of() : trained;
    }
}
