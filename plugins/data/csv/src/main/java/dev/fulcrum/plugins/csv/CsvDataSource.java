package dev.fulcrum.plugins.csv;

import dev.fulcrum.api.DataFileException;
import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.data.DataSource;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Feature;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import dev.fulcrum.io.CsvColumns;
import dev.fulcrum.io.CsvHeader;
import dev.fulcrum.math.arrays.FloatMatrices;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a CSV file into a dataset with the shared reader ({@link CsvColumns}): every problem names
 * the file, the line (the header is line 1) and the column, columns the params name are checked
 * against the header before any row is read, and the whole file is read before anything is
 * returned, so a bad row never leaves a half-loaded dataset behind.
 */
final class CsvDataSource implements DataSource {

    private final CsvParams params;
    private final RunContext context;

    CsvDataSource(CsvParams params, RunContext context) {
        this.params = params;
        this.context = context;
    }

    /** The feature columns, and every column the params name, checked against the header. */
    private record Layout(List<String> features, Set<String> columns) {

        static Layout of(CsvParams params, Path file, CsvHeader header) {
            header.require(params.label(), "label");
            params.sensitive().forEach(name -> header.require(name, "sensitive"));
            if (params.domain() != null) {
                header.require(params.domain(), "domain");
            }
            if (params.id() != null) {
                header.require(params.id(), "id");
            }
            List<String> features = params.features() != null ? params.features() : header.names().stream()
                    .filter(name -> !name.equals(params.label()) && !params.sensitive().contains(name) && !name.equals(params.domain())
                            && !name.equals(params.id()))
                    .toList();
            if (features.isEmpty()) {
                throw new DataFileException(file, 1, null, "no feature columns: the header has only the label, sensitive and domain columns");
            }
            for (String name : params.categorical()) {
                if (!features.contains(name)) {
                    throw new DataFileException(file, 1, name, "the categorical column \"" + name + "\" is the label, a sensitive or the domain column");
                }
            }
            features.forEach(name -> header.require(name, "feature"));
            Set<String> columns = new LinkedHashSet<>(features);
            columns.add(params.label());
            columns.addAll(params.sensitive());
            if (params.domain() != null) {
                columns.add(params.domain());
            }
            if (params.id() != null) {
                columns.add(params.id());
            }
            return new Layout(features, columns);
        }
    }

    @Override
    public Dataset load() {
        Path file = params.path();
        CsvColumns columns = CsvColumns.read(file, params.delimiter().charAt(0), header -> Layout.of(params, file, header).columns());
        context.recordInput(file);
        return toDataset(file, Layout.of(params, file, columns.header()).features(), columns);
    }

    /**
     * The dataset, built from each column's distinct values and its rows' codes ({@link
     * CsvColumns#codes}): categories, classes and domains are looked up once per distinct value,
     * and each row costs an array read.
     */
    private Dataset toDataset(Path file, List<String> featureNames, CsvColumns columns) {
        int n = columns.rows();
        int d = featureNames.size();
        List<List<String>> categories = new ArrayList<>();
        for (String name : featureNames) {
            categories.add(params.categorical().contains(name) ? categories(columns, name) : List.of());
        }
        float[][] numbers = numbers(columns, featureNames, categories);
        float[][] byColumn = new float[d][];
        for (int j = 0; j < d; j++) {
            byColumn[j] = categories.get(j).isEmpty() ? numbers[j] : categoryIndices(columns, featureNames.get(j), categories.get(j));
        }
        // One feature's column is already the row-major matrix.
        float[] values = d == 1 ? byColumn[0] : new float[n * d];
        if (d > 1) {
            for (int j = 0; j < d; j++) {
                for (int r = 0; r < n; r++) {
                    values[r * d + j] = byColumn[j][r];
                }
            }
        }
        List<String> classes = classes(file, columns.values(params.label()));
        int[] labels = labels(columns, classes);
        List<String> domainNames = new ArrayList<>(List.of(Domains.SOURCE));
        int[] domains = null;
        if (params.domain() != null) {
            String[] found = columns.values(params.domain());
            int[] domainOf = new int[found.length];
            for (int code = 0; code < found.length; code++) {
                if (!domainNames.contains(found[code])) {
                    domainNames.add(found[code]);
                }
                domainOf[code] = domainNames.indexOf(found[code]);
            }
            domains = mapped(columns.codes(params.domain()), domainOf);
        }
        List<Feature> features = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            features.add(new Feature(featureNames.get(j), "csv:" + featureNames.get(j), categories.get(j)));
        }
        Schema schema = new Schema(features, List.of(new Task(params.label(), classes)), domainNames, null);
        Dataset.Builder builder = Dataset.builder(schema, FloatMatrices.rowMajor(values, n, d))
                .labels(params.label(), labels);
        if (domains != null) {
            builder.domains(domains);
        }
        params.sensitive().forEach(name -> builder.sensitive(name, columns.values(name), columns.codes(name)));
        ids(file, columns, builder);
        return builder.build();
    }

    /** The id column's values, each checked to be unique and not empty, or else the file's name and each row's line. */
    private void ids(Path file, CsvColumns columns, Dataset.Builder builder) {
        if (params.id() == null) {
            String prefix = file.getFileName() + "#row=";
            long first = columns.firstLineIfConsecutive();
            if (first >= 0) {
                builder.ids(prefix, first);
            } else {
                builder.ids(prefix, columns.lines());
            }
            return;
        }
        int[] codes = columns.codes(params.id());
        String[] values = columns.values(params.id());
        int[] firstRow = new int[values.length];
        java.util.Arrays.fill(firstRow, -1);
        for (int r = 0; r < codes.length; r++) {
            if (values[codes[r]].isEmpty()) {
                throw columns.problem(r, params.id(), "missing id");
            }
            if (firstRow[codes[r]] >= 0) {
                throw columns.problem(r, params.id(), "id \"" + values[codes[r]] + "\" is also the id of row "
                        + columns.line(firstRow[codes[r]]));
            }
            firstRow[codes[r]] = r;
        }
        builder.ids(columns.column(params.id()));
    }

    private static int[] mapped(int[] codes, int[] byCode) {
        int[] mapped = new int[codes.length];
        for (int r = 0; r < codes.length; r++) {
            mapped[r] = byCode[codes[r]];
        }
        return mapped;
    }

    /** Each row's class; the first row with a missing label or one outside the classes is the error. */
    private int[] labels(CsvColumns columns, List<String> classes) {
        String[] found = columns.values(params.label());
        int[] classOf = new int[found.length];
        for (int code = 0; code < found.length; code++) {
            classOf[code] = found[code].isEmpty() ? -1 : classes.indexOf(found[code]);
        }
        int[] codes = columns.codes(params.label());
        int[] labels = new int[codes.length];
        for (int r = 0; r < labels.length; r++) {
            labels[r] = classOf[codes[r]];
            if (labels[r] < 0) {
                String value = found[codes[r]];
                throw columns.problem(r, params.label(), value.isEmpty() ? "missing label"
                        : "label \"" + value + "\" is not one of the configured classes " + classes);
            }
        }
        return labels;
    }

    /** Each row's index in the sorted categories of a categorical column. */
    private static float[] categoryIndices(CsvColumns columns, String name, List<String> known) {
        String[] found = columns.values(name);
        int[] indexOf = new int[found.length];
        for (int code = 0; code < found.length; code++) {
            indexOf[code] = Collections.binarySearch(known, found[code]);
        }
        int[] codes = columns.codes(name);
        float[] indices = new float[codes.length];
        for (int r = 0; r < codes.length; r++) {
            indices[r] = indexOf[codes[r]];
        }
        return indices;
    }

    /**
     * The numeric features' values, a column at a time; of several bad values the first in the
     * file is the error: the lowest row, and within a row the leftmost column.
     */
    private static float[][] numbers(CsvColumns columns, List<String> featureNames, List<List<String>> categories) {
        float[][] numbers = new float[featureNames.size()][];
        DataFileException first = null;
        for (int j = 0; j < numbers.length; j++) {
            if (categories.get(j).isEmpty()) {
                try {
                    numbers[j] = columns.numbers(featureNames.get(j));
                } catch (DataFileException e) {
                    first = first == null || e.row() < first.row() ? e : first;
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return numbers;
    }

    /** The sorted category names of a categorical column; every row must name one. */
    private static List<String> categories(CsvColumns columns, String name) {
        List<String> found = List.of(columns.values(name));
        int empty = found.indexOf("");
        if (empty >= 0) {
            throw columns.problem(columns.firstRow(name, empty), name, "missing category");
        }
        return List.copyOf(new TreeSet<>(found));
    }

    private List<String> classes(Path file, String[] distinctLabels) {
        if (params.classes() != null) {
            return params.classes();
        }
        Set<String> found = new HashSet<>();
        for (String value : distinctLabels) {
            if (!value.isEmpty()) {
                found.add(value);
            }
        }
        if (found.size() < 2) {
            throw new DataFileException(file, 0, params.label(), "the label column has " + found.size() + " distinct value(s); a task needs at least 2");
        }
        return List.copyOf(new TreeSet<>(found));
    }
}
