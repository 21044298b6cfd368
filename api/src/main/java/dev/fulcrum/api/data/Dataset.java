package dev.fulcrum.api.data;

import dev.fulcrum.api.Stable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Rows of features with, per row: an id, a label for each task (or {@link #NO_LABEL}), a sample
 * weight, a domain id, a partition, and sensitive attributes that are kept apart from the features
 * so that a model never sees them unless a pipeline puts them there on purpose.
 *
 * <p>A row's id names where it came from so that it survives re-reading the same file, for example
 * {@code train-images-idx3-ubyte.gz#4711} or {@code data.csv#row=17}: experts' corrections and every
 * listing of rows refer to rows by it. A source that sets none gets {@code #0}, {@code #1}, ... in
 * the order it built the rows.
 *
 * <p>A dataset is immutable: the {@code with...} methods return new instances that share what did
 * not change. Accessors for per-row arrays return copies; {@link #features()} returns the array
 * itself, which callers must not modify.
 */
@Stable
public final class Dataset {

    /** The label of a row that has none for a task (general rows have no specific label, say). */
    public static final int NO_LABEL = -1;

    private final Schema schema;
    private final INDArray features;
    private final Map<String, int[]> labels;
    // Weights, domains and partitions are null while every row has the default (weight 1, domain 0,
    // UNASSIGNED), as most sources leave them: no per-row arrays to fill and collect while loading.
    private final float[] weights;
    private final int[] domains;
    private final Map<String, RowValues> sensitive;
    private final Partition[] partitions;
    private final RowIds ids;

    private Dataset(Schema schema, INDArray features, Map<String, int[]> labels, float[] weights, int[] domains,
                    Map<String, RowValues> sensitive, Partition[] partitions, RowIds ids) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.features = Objects.requireNonNull(features, "features");
        int rows = (int) features.rows();
        if (features.rank() != 2 || features.columns() != schema.featureCount()) {
            throw new IllegalArgumentException("features " + Arrays.toString(features.shape()) + " do not match "
                    + schema.featureCount() + " schema features");
        }
        if (features.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("features must be FLOAT, got " + features.dataType());
        }
        this.labels = new LinkedHashMap<>();
        for (Task task : schema.tasks()) {
            int[] taskLabels = labels.get(task.name());
            if (taskLabels == null) {
                taskLabels = new int[rows];
                Arrays.fill(taskLabels, NO_LABEL);
            }
            requireLength(taskLabels.length, rows, "labels of task " + task.name());
            int outside = RowValues.firstOutside(taskLabels, NO_LABEL, task.classCount());
            if (outside >= 0) {
                throw new IllegalArgumentException("row " + outside + ": label " + taskLabels[outside] + " of task " + task.name()
                        + " is outside its " + task.classCount() + " classes");
            }
            this.labels.put(task.name(), taskLabels);
        }
        for (String task : labels.keySet()) {
            if (!this.labels.containsKey(task)) {
                throw new IllegalArgumentException("labels for task " + task + " which the schema does not have");
            }
        }
        this.weights = weights;
        this.domains = domains;
        this.partitions = partitions;
        if (weights != null) {
            requireLength(weights.length, rows, "weights");
        }
        if (domains != null) {
            requireLength(domains.length, rows, "domains");
        }
        if (partitions != null) {
            requireLength(partitions.length, rows, "partitions");
        }
        this.ids = ids == null ? RowIds.counted("#", 0, rows) : ids;
        requireLength(this.ids.rows(), rows, "ids");
        int missing = this.ids.firstMissing();
        if (missing >= 0) {
            throw new IllegalArgumentException("row " + missing + " has no id");
        }
        int outsideDomains = domains == null ? -1 : RowValues.firstOutside(domains, 0, schema.domains().size());
        if (outsideDomains >= 0) {
            throw new IllegalArgumentException("domain id " + domains[outsideDomains] + " is outside the schema's domains " + schema.domains());
        }
        this.sensitive = new LinkedHashMap<>(sensitive);
        this.sensitive.forEach((name, values) -> requireLength(values.rows(), rows, "sensitive attribute " + name));
    }

    public static Builder builder(Schema schema, INDArray features) {
        return new Builder(schema, features);
    }

    private static void requireLength(int actual, int rows, String what) {
        if (actual != rows) {
            throw new IllegalArgumentException(what + " has " + actual + " rows, features have " + rows);
        }
    }

    private static float[] filled(int rows, float value) {
        float[] array = new float[rows];
        Arrays.fill(array, value);
        return array;
    }

    /** {@code prefix#0}, {@code prefix#1}, ...: the ids of rows that a file position or a seed fixes. */
    public static String[] numberedIds(String prefix, int rows) {
        String[] ids = new String[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = prefix + "#" + i;
        }
        return ids;
    }

    private static Partition[] filled(int rows, Partition value) {
        Partition[] array = new Partition[rows];
        Arrays.fill(array, value);
        return array;
    }

    public Schema schema() {
        return schema;
    }

    /** The feature matrix, FLOAT, {@code [rows, features]}. Do not modify it. */
    public INDArray features() {
        return features;
    }

    public int rows() {
        return (int) features.rows();
    }

    /** Class indices of a task per row, {@link #NO_LABEL} where a row has none. */
    public int[] labels(String task) {
        int[] taskLabels = labels.get(task);
        if (taskLabels == null) {
            throw new IllegalArgumentException("no task named " + task + "; tasks are " + schema.taskNames());
        }
        return taskLabels.clone();
    }

    public float[] weights() {
        return weights == null ? filled(rows(), 1f) : weights.clone();
    }

    public int[] domains() {
        return domains == null ? new int[rows()] : domains.clone();
    }

    public Partition partition(int row) {
        if (partitions == null) {
            Objects.checkIndex(row, rows());
            return Partition.UNASSIGNED;
        }
        return partitions[row];
    }

    public Partition[] partitions() {
        return partitions == null ? filled(rows(), Partition.UNASSIGNED) : partitions.clone();
    }

    /** The id of each row (see the class comment). */
    public String[] ids() {
        return ids.all();
    }

    public String id(int row) {
        return ids.id(row);
    }

    /** Sensitive attributes by name, one value per row; never part of the features. */
    public Map<String, String[]> sensitive() {
        Map<String, String[]> copy = new LinkedHashMap<>();
        sensitive.forEach((name, values) -> copy.put(name, values.all()));
        return copy;
    }

    /** Indices of the rows in a partition, ascending. */
    public int[] rowsIn(Partition partition) {
        if (partitions == null) {
            return partition == Partition.UNASSIGNED ? IntStream.range(0, rows()).toArray() : new int[0];
        }
        int count = 0;
        for (Partition p : partitions) {
            if (p == partition) {
                count++;
            }
        }
        int[] rows = new int[count];
        for (int i = 0, j = 0; i < partitions.length; i++) {
            if (partitions[i] == partition) {
                rows[j++] = i;
            }
        }
        return rows;
    }

    /** Indices of the rows in a partition that have a label for the task, ascending. */
    public int[] labelledRows(String task, Partition partition) {
        int[] taskLabels = labels.get(task);
        if (taskLabels == null) {
            return new int[0];
        }
        return Arrays.stream(rowsIn(partition)).filter(row -> taskLabels[row] != NO_LABEL).toArray();
    }

    /** The given rows, in the given order. */
    public Dataset select(int[] rows) {
        INDArray selected = rows.length == 0
                ? Nd4j.create(DataType.FLOAT, 0, schema.featureCount())
                : Nd4j.pullRows(features, 1, rows);
        Map<String, int[]> selectedLabels = new LinkedHashMap<>();
        labels.forEach((task, values) -> selectedLabels.put(task, pick(values, rows)));
        float[] selectedWeights = weights == null ? null : new float[rows.length];
        int[] selectedDomains = domains == null ? null : new int[rows.length];
        Partition[] selectedPartitions = partitions == null ? null : new Partition[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (weights != null) {
                selectedWeights[i] = weights[rows[i]];
            }
            if (domains != null) {
                selectedDomains[i] = domains[rows[i]];
            }
            if (partitions != null) {
                selectedPartitions[i] = partitions[rows[i]];
            }
        }
        RowIds selectedIds = ids.select(rows);
        Map<String, RowValues> selectedSensitive = new LinkedHashMap<>();
        sensitive.forEach((name, values) -> selectedSensitive.put(name, values.select(rows)));
        return new Dataset(schema, selected, selectedLabels, selectedWeights, selectedDomains, selectedSensitive, selectedPartitions, selectedIds);
    }

    private static int[] pick(int[] values, int[] rows) {
        int[] picked = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            picked[i] = values[rows[i]];
        }
        return picked;
    }

    /** The rows of one partition. */
    public Dataset partitionOnly(Partition partition) {
        return select(rowsIn(partition));
    }

    /** New feature columns for the same rows (an extractor's or adapter's output). */
    public Dataset withFeatures(INDArray newFeatures, Schema newSchema) {
        if (!newSchema.tasks().equals(schema.tasks()) || !newSchema.domains().equals(schema.domains())) {
            throw new IllegalArgumentException("withFeatures may change only the features of the schema");
        }
        if (newFeatures.rows() != rows()) {
            throw new IllegalArgumentException("new features have " + newFeatures.rows() + " rows, the dataset has " + rows());
        }
        return new Dataset(newSchema, newFeatures, labels, weights, domains, sensitive, partitions, ids);
    }

    /** The same features and schema, new values (the same rows, transformed). */
    public Dataset withFeatures(INDArray newFeatures) {
        return withFeatures(newFeatures, schema);
    }

    public Dataset withWeights(float[] newWeights) {
        return new Dataset(schema, features, labels, newWeights.clone(), domains, sensitive, partitions, ids);
    }

    public Dataset withPartitions(Partition[] newPartitions) {
        return new Dataset(schema, features, labels, weights, domains, sensitive, newPartitions.clone(), ids);
    }

    /** New labels for one task, same rows (hiding target-domain labels from training, say). */
    public Dataset withLabels(String task, int[] newLabels) {
        if (!labels.containsKey(task)) {
            throw new IllegalArgumentException("no task named " + task + "; tasks are " + schema.taskNames());
        }
        Map<String, int[]> replaced = new LinkedHashMap<>(labels);
        replaced.put(task, newLabels.clone());
        return new Dataset(schema, features, replaced, weights, domains, sensitive, partitions, ids);
    }

    /** Only the named tasks, in schema order; the labels of the others are dropped. */
    public Dataset retainTasks(java.util.Collection<String> keep) {
        List<Task> tasks = schema.tasks().stream().filter(t -> keep.contains(t.name())).toList();
        Map<String, int[]> kept = new LinkedHashMap<>();
        tasks.forEach(t -> kept.put(t.name(), labels.get(t.name())));
        return new Dataset(schema.withTasks(tasks), features, kept, weights, domains, sensitive, partitions, ids);
    }

    /** Renames a task, keeping its classes and labels. */
    public Dataset withTaskRenamed(String from, String to) {
        List<Task> tasks = new ArrayList<>();
        Map<String, int[]> renamed = new LinkedHashMap<>();
        for (Task task : schema.tasks()) {
            String name = task.name().equals(from) ? to : task.name();
            tasks.add(task.renamed(name));
            renamed.put(name, labels.get(task.name()));
        }
        return new Dataset(schema.withTasks(tasks), features, renamed, weights, domains, sensitive, partitions, ids);
    }

    /**
     * The rows of this dataset followed by those of {@code other}. Feature names must match. Tasks,
     * domains and sensitive attributes are united by name: a row has {@link #NO_LABEL} for a task its
     * dataset lacks, and the value {@code ""} for a sensitive attribute its dataset lacks.
     */
    public Dataset concat(Dataset other) {
        if (!schema.featureNames().equals(other.schema.featureNames())) {
            throw new IllegalArgumentException("cannot join datasets with different features: "
                    + schema.featureCount() + " versus " + other.schema.featureCount() + " columns");
        }
        List<Task> tasks = new ArrayList<>(schema.tasks());
        for (Task task : other.schema.tasks()) {
            var mine = schema.task(task.name());
            if (mine.isPresent() && !mine.get().equals(task)) {
                throw new IllegalArgumentException("task " + task.name() + " has classes " + mine.get().classes()
                        + " in one dataset and " + task.classes() + " in the other");
            }
            if (mine.isEmpty()) {
                tasks.add(task);
            }
        }
        List<String> domainNames = new ArrayList<>(schema.domains());
        other.schema.domains().stream().filter(d -> !domainNames.contains(d)).forEach(domainNames::add);
        int n = rows();
        int m = other.rows();
        Map<String, int[]> joinedLabels = new LinkedHashMap<>();
        for (Task task : tasks) {
            int[] joined = new int[n + m];
            copyOrFill(labels.get(task.name()), joined, 0, n);
            copyOrFill(other.labels.get(task.name()), joined, n, m);
            joinedLabels.put(task.name(), joined);
        }
        float[] joinedWeights = weights == null && other.weights == null ? null : Arrays.copyOf(weights(), n + m);
        if (joinedWeights != null) {
            System.arraycopy(other.weights(), 0, joinedWeights, n, m);
        }
        int[] joinedDomains = Arrays.copyOf(domains(), n + m);
        int[] otherDomains = other.domains();
        for (int i = 0; i < m; i++) {
            joinedDomains[n + i] = domainNames.indexOf(other.schema.domains().get(otherDomains[i]));
        }
        Partition[] joinedPartitions = partitions == null && other.partitions == null ? null : Arrays.copyOf(partitions(), n + m);
        if (joinedPartitions != null) {
            System.arraycopy(other.partitions(), 0, joinedPartitions, n, m);
        }
        RowIds joinedIds = ids.concat(other.ids);
        Map<String, RowValues> joinedSensitive = new LinkedHashMap<>();
        List<String> attributes = new ArrayList<>(sensitive.keySet());
        other.sensitive.keySet().stream().filter(a -> !attributes.contains(a)).forEach(attributes::add);
        for (String attribute : attributes) {
            String[] joined = new String[n + m];
            Arrays.fill(joined, "");
            String[] mine = sensitive.containsKey(attribute) ? sensitive.get(attribute).all() : null;
            String[] theirs = other.sensitive.containsKey(attribute) ? other.sensitive.get(attribute).all() : null;
            if (mine != null) {
                System.arraycopy(mine, 0, joined, 0, n);
            }
            if (theirs != null) {
                System.arraycopy(theirs, 0, joined, n, m);
            }
            joinedSensitive.put(attribute, RowValues.of(joined));
        }
        Schema joinedSchema = new Schema(schema.features(), tasks, domainNames,
                schema.image().equals(other.schema.image()) ? schema.image().orElse(null) : null);
        INDArray joinedFeatures = Nd4j.concat(0, features, other.features);
        return new Dataset(joinedSchema, joinedFeatures, joinedLabels, joinedWeights, joinedDomains, joinedSensitive, joinedPartitions, joinedIds);
    }

    private static void copyOrFill(int[] source, int[] target, int offset, int length) {
        if (source == null) {
            Arrays.fill(target, offset, offset + length, NO_LABEL);
        } else {
            System.arraycopy(source, 0, target, offset, length);
        }
    }

    @Override
    public String toString() {
        return "Dataset[" + rows() + " rows, " + schema + "]";
    }

    /** Builds a dataset; everything but the schema and features is optional. */
    public static final class Builder {
        private final Schema schema;
        private final INDArray features;
        private final Map<String, int[]> labels = new LinkedHashMap<>();
        private final Map<String, RowValues> sensitive = new LinkedHashMap<>();
        private float[] weights;
        private int[] domains;
        private Partition[] partitions;
        private RowIds ids;

        private Builder(Schema schema, INDArray features) {
            this.schema = schema;
            this.features = features;
        }

        public Builder labels(String task, int[] values) {
            labels.put(task, values.clone());
            return this;
        }

        public Builder weights(float[] values) {
            weights = values.clone();
            return this;
        }

        public Builder domains(int[] values) {
            domains = values.clone();
            return this;
        }

        public Builder partitions(Partition[] values) {
            partitions = values.clone();
            return this;
        }

        /** Each row's id; by default {@code #0}, {@code #1}, ... */
        public Builder ids(String[] values) {
            ids = RowIds.of(values.clone());
            return this;
        }

        /**
         * Each row's id: {@code prefix} followed by the row's number ({@code data.csv#row=} and
         * the row's line, say). The strings are made only when asked for ({@link Dataset#id},
         * {@link Dataset#ids()}), so a large source does not hold one object per row while it loads.
         */
        public Builder ids(String prefix, long[] numbers) {
            ids = RowIds.numbered(prefix, numbers.clone());
            return this;
        }

        /**
         * Each row's id: {@code prefix} followed by {@code first} plus the row's index ({@code
         * data.csv#row=} and the lines from 2 on, say), made only when asked for, as {@link
         * #ids(String, long[])} makes them; nothing is kept per row.
         */
        public Builder ids(String prefix, long first) {
            ids = RowIds.counted(prefix, first, (int) features.rows());
            return this;
        }

        public Builder sensitive(String attribute, String[] values) {
            sensitive.put(attribute, RowValues.of(values.clone()));
            return this;
        }

        /**
         * A sensitive attribute as a column's distinct values and each row's index into them: row
         * {@code r} has {@code values[codes[r]]}. The same as passing those strings, without a
         * string reference per row to store.
         *
         * @throws IllegalArgumentException if a code is not an index into {@code values}
         */
        public Builder sensitive(String attribute, String[] values, int[] codes) {
            sensitive.put(attribute, RowValues.coded(values.clone(), codes.clone()));
            return this;
        }

        public Dataset build() {
            return new Dataset(schema, features, labels, weights, domains, sensitive, partitions, ids);
        }
    }
}
