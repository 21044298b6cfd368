package dev.fulcrum.core.feedback;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Applies one corrections file to the rows of a run, after the split: {@code relabel} sets the task's label (and
 * the weight, where one is given), {@code exclude} removes the row, {@code reweight} sets its weight, {@code add}
 * appends a row of the pool to the training split with the new label. Every row of the file is checked against
 * the data before anything changes, so a bad row leaves the data as it was; the result is a new dataset.
 */
public final class Corrections {

    /** One applied row, as the trail records it; labels are class names, {@code null} for none. */
    public record Applied(long line, String task, String id, Action action, String oldLabel, String newLabel,
                          Float oldWeight, Float newWeight, String annotator, String note, String time) {
    }

    /**
     * @param applied every changed row, in file order ({@code keep} rows are counted, not listed)
     * @param counts  rows per action: relabel, exclude, reweight, add, keep
     */
    public record Outcome(Dataset data, RowOwners owners, List<Applied> applied, Map<Action, Integer> counts) {
    }

    /** A checked row: its action resolved, the data row (or pool row, for {@code add}) and the new class. */
    private record Step(Correction row, Action action, int at, int newClass) {
    }

    private final Dataset data;
    private final RowOwners owners;
    private final CorrectionsFile file;
    private final boolean testCorrections;
    private final Supplier<Dataset> poolSource;
    private final String poolName;
    private final Map<String, Map<String, Integer>> rowsByTask = new HashMap<>();
    private Dataset pool;
    private Map<String, Integer> poolRows;
    private float[] poolWeights;

    private Corrections(Dataset data, RowOwners owners, CorrectionsFile file, boolean testCorrections,
                        Supplier<Dataset> poolSource, String poolName) {
        this.data = data;
        this.owners = owners;
        this.file = file;
        this.testCorrections = testCorrections;
        this.poolSource = poolSource;
        this.poolName = poolName;
    }

    /**
     * @param testCorrections whether rows of the test split may be changed
     * @param pool            the rows {@code add} takes from, asked for only when a row needs them; {@code null}: none
     * @param poolName        how messages name the pool ({@code feedback[0].pool (idx)})
     */
    public static Outcome apply(Dataset data, RowOwners owners, CorrectionsFile file, boolean testCorrections,
                                Supplier<Dataset> pool, String poolName) {
        if (owners.rows() != data.rows()) {
            throw new IllegalArgumentException("owners of " + owners.rows() + " rows for " + data.rows() + " rows");
        }
        Corrections corrections = new Corrections(data, owners, file, testCorrections, pool, poolName);
        List<Step> steps = new ArrayList<>();
        for (Correction row : file.rows()) {
            steps.add(corrections.check(row));
        }
        return corrections.applyAll(steps);
    }

    private Step check(Correction row) {
        CorrectionsFile.Columns columns = file.columns();
        Task task = data.schema().task(row.task()).orElseThrow(() -> file.problem(row, columns.task() == null ? columns.id() : columns.task(),
                "the data has no task " + row.task() + "; its tasks are " + data.schema().taskNames()));
        int newClass = -1;
        if (row.action().needsLabel()) {
            newClass = task.classes().indexOf(row.label());
            if (newClass < 0) {
                throw file.problem(row, columns.label(), "unknown label \"" + row.label() + "\"; task " + task.name()
                        + " has the classes " + task.classes());
            }
        }
        Integer at = rows(task.name()).get(row.id());
        Action action = row.action();
        if (action == Action.LABEL) {
            action = at != null || poolSource == null ? Action.RELABEL : Action.ADD;
        }
        if (action == Action.ADD) {
            if (at != null) {
                throw file.problem(row, columns.id(), "row " + row.id() + " of task " + task.name() + " is in the data already; relabel it instead of adding it");
            }
            if (poolSource == null) {
                throw file.problem(row, columns.action() == null ? columns.id() : columns.action(),
                        "add needs a pool: give the feedback entry a pool (a data source) to add rows from");
            }
            Integer poolRow = pool().get(row.id());
            if (poolRow == null) {
                throw file.problem(row, columns.id(), "unknown id \"" + row.id() + "\": not in the data of task " + task.name()
                        + " nor in the pool " + poolName);
            }
            return new Step(row, action, poolRow, newClass);
        }
        if (at == null) {
            throw file.problem(row, columns.id(), "unknown id \"" + row.id() + "\": no row of task " + task.name()
                    + " has it (ids look like " + data.id(0) + ")");
        }
        if (action != Action.KEEP && !testCorrections && data.partition(at) == Partition.TEST) {
            throw file.problem(row, columns.id(), "row " + row.id() + " is in the test split, and changing it changes what the run "
                    + "is measured on; set test-corrections: true in the feedback entry if the file is meant to correct test rows");
        }
        return new Step(row, action, at, newClass);
    }

    private Map<String, Integer> rows(String task) {
        return rowsByTask.computeIfAbsent(task, name -> {
            Map<String, Integer> index = new HashMap<>();
            for (int row = 0; row < data.rows(); row++) {
                if (owners.owns(row, name)) {
                    index.put(data.id(row), row);
                }
            }
            return index;
        });
    }

    private Map<String, Integer> pool() {
        if (poolRows == null) {
            pool = poolSource.get();
            poolWeights = pool.weights();
            poolRows = new HashMap<>();
            for (int row = 0; row < pool.rows(); row++) {
                poolRows.put(pool.id(row), row);
            }
        }
        return poolRows;
    }

    private Outcome applyAll(List<Step> steps) {
        Map<Action, Integer> counts = new LinkedHashMap<>();
        Action.COUNTED.forEach(action -> counts.put(action, 0));
        Map<String, int[]> labels = new LinkedHashMap<>();
        Map<String, int[]> before = new HashMap<>();
        float[] weights = data.weights();
        boolean[] dropped = new boolean[data.rows()];
        Map<String, List<Step>> added = new LinkedHashMap<>();
        List<Applied> applied = new ArrayList<>();
        for (Step step : steps) {
            Correction row = step.row();
            counts.merge(step.action(), 1, Integer::sum);
            Task task = data.schema().task(row.task()).orElseThrow();
            int[] old = before.computeIfAbsent(task.name(), data::labels);
            switch (step.action()) {
                case KEEP -> {
                    continue;
                }
                case RELABEL -> {
                    int[] taskLabels = labels.computeIfAbsent(task.name(), data::labels);
                    float oldWeight = weights[step.at()];
                    applied.add(applied(row, step.action(), className(task, old[step.at()]), row.label(), oldWeight,
                            row.weight() == null ? oldWeight : row.weight()));
                    taskLabels[step.at()] = step.newClass();
                    if (row.weight() != null) {
                        weights[step.at()] = row.weight();
                    }
                }
                case EXCLUDE -> {
                    dropped[step.at()] = true;
                    applied.add(applied(row, step.action(), className(task, old[step.at()]), null,
                            weights[step.at()], null));
                }
                case REWEIGHT -> {
                    applied.add(applied(row, step.action(), className(task, old[step.at()]), className(task, old[step.at()]),
                            weights[step.at()], row.weight()));
                    weights[step.at()] = row.weight();
                }
                case ADD -> {
                    added.computeIfAbsent(task.name(), name -> new ArrayList<>()).add(step);
                    applied.add(applied(row, step.action(), null, row.label(), null,
                            row.weight() == null ? poolWeights[step.at()] : row.weight()));
                }
                default -> throw new IllegalStateException("unresolved action " + step.action());
            }
        }
        Dataset result = data;
        for (Map.Entry<String, int[]> entry : labels.entrySet()) {
            result = result.withLabels(entry.getKey(), entry.getValue());
        }
        result = result.withWeights(weights);
        RowOwners resultOwners = owners;
        int[] kept = kept(dropped);
        if (kept.length < data.rows()) {
            result = result.select(kept);
            resultOwners = resultOwners.select(kept);
        }
        for (Map.Entry<String, List<Step>> entry : added.entrySet()) {
            try {
                result = result.concat(poolRows(data.schema().task(entry.getKey()).orElseThrow(), entry.getValue()));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(file.path() + ": the rows of the pool " + poolName
                        + " cannot join the data: " + e.getMessage());
            }
            resultOwners = resultOwners.append(entry.getKey(), entry.getValue().size());
        }
        return new Outcome(result, resultOwners, applied, counts);
    }

    /** The pool's rows of the steps, in file order, in the training split with the new labels and weights. */
    private Dataset poolRows(Task task, List<Step> steps) {
        int[] rows = steps.stream().mapToInt(Step::at).toArray();
        Dataset picked = pool.select(rows);
        int[] classes = steps.stream().mapToInt(Step::newClass).toArray();
        float[] weights = picked.weights();
        for (int i = 0; i < steps.size(); i++) {
            Float weight = steps.get(i).row().weight();
            if (weight != null) {
                weights[i] = weight;
            }
        }
        Partition[] partitions = new Partition[rows.length];
        Arrays.fill(partitions, Partition.TRAIN);
        Schema schema = new Schema(picked.schema().features(), List.of(task), picked.schema().domains(),
                picked.schema().image().orElse(null));
        Dataset.Builder builder = Dataset.builder(schema, picked.features()).labels(task.name(), classes).weights(weights)
                .domains(picked.domains()).partitions(partitions).ids(picked.ids());
        picked.sensitive().forEach(builder::sensitive);
        return builder.build();
    }

    private static int[] kept(boolean[] dropped) {
        int[] kept = new int[dropped.length];
        int n = 0;
        for (int row = 0; row < dropped.length; row++) {
            if (!dropped[row]) {
                kept[n++] = row;
            }
        }
        return Arrays.copyOf(kept, n);
    }

    private static String className(Task task, int label) {
        return label == Dataset.NO_LABEL ? null : task.classes().get(label);
    }

    private static Applied applied(Correction row, Action action, String oldLabel, String newLabel, Float oldWeight, Float newWeight) {
        return new Applied(row.line(), row.task(), row.id(), action, oldLabel, newLabel, oldWeight, newWeight,
                row.annotator(), row.note(), row.time());
    }
}
