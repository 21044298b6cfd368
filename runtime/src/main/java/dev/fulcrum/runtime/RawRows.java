package dev.fulcrum.runtime;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Feature;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * New rows checked against the columns a model was trained on and turned into raw {@link Dataset}
 * rows of its input schema: the one place where a missing or extra column, a category or domain
 * never seen in training, or an image of the wrong size is refused, with the column named.
 */
final class RawRows {

    private RawRows() {
    }

    /**
     * @param sensitive the sensitive attributes the model's decision rule reads (they must be there)
     */
    static Dataset fromColumns(Schema schema, RowColumns rows, Collection<String> sensitive) {
        Set<String> allowed = new LinkedHashSet<>(schema.featureNames());
        allowed.add(RowColumns.ID);
        allowed.add(RowColumns.DOMAIN);
        allowed.addAll(schema.taskNames());
        allowed.addAll(sensitive);
        for (String column : rows.columns()) {
            if (!allowed.contains(column)) {
                throw new InvalidInputException("column " + column + ": the model does not take it; it takes the feature columns "
                        + summary(schema.featureNames()) + ", and optionally " + RowColumns.ID + ", a label column per task "
                        + schema.taskNames() + (sensitive.isEmpty() ? "" : " and the sensitive attributes " + sensitive));
            }
        }
        List<String> present = rows.columns();
        for (String column : schema.featureNames()) {
            if (!present.contains(column)) {
                throw new InvalidInputException("column " + column + ": missing; the model takes the feature columns "
                        + summary(schema.featureNames()));
            }
        }
        for (String attribute : sensitive) {
            if (!present.contains(attribute)) {
                throw new InvalidInputException("column " + attribute + ": missing; the model's decision rule reads this "
                        + "sensitive attribute");
            }
        }
        int n = rows.rows();
        int width = schema.featureCount();
        float[] values = new float[n * width];
        for (int j = 0; j < width; j++) {
            Feature feature = schema.features().get(j);
            Map<String, Integer> categories = index(feature.categories());
            for (int row = 0; row < n; row++) {
                values[row * width + j] = feature.isCategorical()
                        ? category(rows, row, feature, categories) : rows.number(row, feature.name());
            }
        }
        Dataset.Builder builder = Dataset.builder(schema, Nd4j.create(values, new long[] {n, width}, DataType.FLOAT))
                .domains(present.contains(RowColumns.DOMAIN) && !schema.featureNames().contains(RowColumns.DOMAIN)
                        ? domains(rows, schema) : defaultDomains(schema, n));
        for (Task task : schema.tasks()) {
            if (present.contains(task.name())) {
                builder.labels(task.name(), labels(rows, task));
            }
        }
        for (String attribute : sensitive) {
            String[] column = new String[n];
            for (int row = 0; row < n; row++) {
                column[row] = rows.text(row, attribute);
            }
            builder.sensitive(attribute, column);
        }
        return builder.build();
    }

    /** Rows of raw feature values in the schema's order (an image flattened as channel, row, column). */
    static Dataset fromValues(Schema schema, float[][] rows) {
        int width = schema.featureCount();
        float[] values = new float[rows.length * width];
        for (int row = 0; row < rows.length; row++) {
            if (rows[row].length != width) {
                throw new InvalidInputException("row " + row + ": has " + rows[row].length + " values; the model takes "
                        + schema.image().map(image -> "images of " + image.channels() + "x" + image.height() + "x"
                        + image.width() + " (channels x height x width) = " + width + " values")
                        .orElse(width + " feature values " + summary(schema.featureNames())));
            }
            System.arraycopy(rows[row], 0, values, row * width, width);
        }
        return Dataset.builder(schema, Nd4j.create(values, new long[] {rows.length, width}, DataType.FLOAT))
                .domains(defaultDomains(schema, rows.length)).build();
    }

    /**
     * Rows of a {@link Dataset} with the model's feature columns (categories matched by name, since a
     * data source numbers the categories it finds), its tasks' labels and its sensitive attributes.
     */
    static Dataset fromDataset(Schema schema, Dataset data, Collection<String> sensitive) {
        schema.image().ifPresent(image -> {
            if (!data.schema().image().equals(schema.image())) {
                throw new InvalidInputException("the rows are " + data.schema().image().map(RawRows::size).orElse("not images")
                        + ", but the model takes images of " + size(image));
            }
        });
        List<String> names = data.schema().featureNames();
        for (String column : schema.featureNames()) {
            if (!names.contains(column)) {
                throw new InvalidInputException("column " + column + ": missing; the model takes the feature columns "
                        + summary(schema.featureNames()));
            }
        }
        for (String column : names) {
            if (!schema.featureNames().contains(column)) {
                throw new InvalidInputException("column " + column + ": the model does not take it; it takes the feature columns "
                        + summary(schema.featureNames()));
            }
        }
        for (String attribute : sensitive) {
            if (!data.sensitive().containsKey(attribute)) {
                throw new InvalidInputException("the model's decision rule reads the sensitive attribute \"" + attribute
                        + "\", which the rows do not have; they have " + data.sensitive().keySet());
            }
        }
        INDArray features = recoded(schema, data);
        Dataset.Builder builder = Dataset.builder(schema, features).domains(domains(data, schema));
        for (Task task : schema.tasks()) {
            data.schema().task(task.name()).ifPresent(given -> builder.labels(task.name(), relabelled(task, given, data.labels(task.name()))));
        }
        data.sensitive().forEach(builder::sensitive);
        return builder.build();
    }

    /**
     * The domain of rows that do not say theirs: the run's target domain where it had one, since a
     * model adapted to a target is deployed there, else its first (and usually only) domain.
     */
    private static int[] defaultDomains(Schema schema, int rows) {
        int[] domains = new int[rows];
        Arrays.fill(domains, Math.max(0, schema.domains().indexOf(Domains.TARGET)));
        return domains;
    }

    private static int[] domains(RowColumns rows, Schema schema) {
        int[] domains = new int[rows.rows()];
        for (int row = 0; row < domains.length; row++) {
            String name = rows.text(row, RowColumns.DOMAIN).trim();
            domains[row] = schema.domains().indexOf(name);
            if (domains[row] < 0) {
                throw rows.problem(row, RowColumns.DOMAIN, "domain \"" + name + "\" is not one of the run's domains " + schema.domains());
            }
        }
        return domains;
    }

    /** A dataset's domains by name in the model's schema. */
    private static int[] domains(Dataset data, Schema schema) {
        List<String> given = data.schema().domains();
        int[] ids = new int[given.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = schema.domains().indexOf(given.get(i));
        }
        int[] domains = data.domains();
        for (int row = 0; row < domains.length; row++) {
            int id = ids[domains[row]];
            if (id < 0) {
                throw new InvalidInputException("row " + row + ": domain \"" + given.get(domains[row]) + "\" is not one of the run's domains "
                        + schema.domains());
            }
            domains[row] = id;
        }
        return domains;
    }

    private static INDArray recoded(Schema schema, Dataset data) {
        if (data.schema().features().equals(schema.features())) {
            return data.features();
        }
        int n = data.rows();
        int width = schema.featureCount();
        float[] given = data.features().dup().data().asFloat();
        float[] values = new float[n * width];
        for (int j = 0; j < width; j++) {
            Feature feature = schema.features().get(j);
            int source = data.schema().featureNames().indexOf(feature.name());
            Feature found = data.schema().features().get(source);
            Map<String, Integer> categories = index(feature.categories());
            for (int row = 0; row < n; row++) {
                float value = given[row * width + source];
                if (feature.isCategorical()) {
                    String name = found.isCategorical() ? found.categories().get((int) value) : formatted(value);
                    Integer known = categories.get(name);
                    if (known == null) {
                        throw unseen(feature, name, "row " + row + ", column " + feature.name());
                    }
                    value = known;
                }
                values[row * width + j] = value;
            }
        }
        return Nd4j.create(values, new long[] {n, width}, DataType.FLOAT);
    }

    private static int[] relabelled(Task task, Task given, int[] labels) {
        int[] result = new int[labels.length];
        for (int row = 0; row < labels.length; row++) {
            if (labels[row] == Dataset.NO_LABEL) {
                result[row] = Dataset.NO_LABEL;
                continue;
            }
            String name = given.classes().get(labels[row]);
            result[row] = task.classes().indexOf(name);
            if (result[row] < 0) {
                throw new InvalidInputException("row " + row + ", task " + task.name() + ": class \"" + name
                        + "\" is not one the model knows; its classes are " + task.classes());
            }
        }
        return result;
    }

    private static float category(RowColumns rows, int row, Feature feature, Map<String, Integer> categories) {
        String value = rows.text(row, feature.name()).trim();
        Integer index = categories.get(value);
        if (index == null) {
            throw rows.problem(row, feature.name(), unseenProblem(feature, value));
        }
        return index;
    }

    private static int[] labels(RowColumns rows, Task task) {
        Map<String, Integer> classes = index(task.classes());
        int[] labels = new int[rows.rows()];
        for (int row = 0; row < labels.length; row++) {
            String value = rows.text(row, task.name()).trim();
            if (value.isEmpty()) {
                labels[row] = Dataset.NO_LABEL;
                continue;
            }
            Integer index = classes.get(value);
            if (index == null) {
                throw rows.problem(row, task.name(), "class \"" + value + "\" is not one of the task's classes " + task.classes());
            }
            labels[row] = index;
        }
        return labels;
    }

    private static InvalidInputException unseen(Feature feature, String value, String where) {
        return new InvalidInputException(where + ": " + unseenProblem(feature, value));
    }

    private static String unseenProblem(Feature feature, String value) {
        return "category \"" + value + "\" was never seen in training; the model knows " + feature.categories();
    }

    private static String formatted(float value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Float.toString(value);
    }

    private static Map<String, Integer> index(List<String> names) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        return index;
    }

    private static String size(dev.fulcrum.api.data.ImageShape image) {
        return image.channels() + "x" + image.height() + "x" + image.width() + " (channels x height x width)";
    }

    /** A list of columns, shortened where it is long (an image's pixels). */
    static String summary(List<String> columns) {
        if (columns.size() <= 12) {
            return columns.toString();
        }
        List<String> shown = new ArrayList<>(columns.subList(0, 5));
        shown.add("... (" + columns.size() + " in all) ...");
        shown.add(columns.get(columns.size() - 1));
        return shown.toString();
    }
}
