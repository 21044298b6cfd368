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
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

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
            List<String> features = params.features() != null ? params.features() : header.names().stream()
                    .filter(name -> !name.equals(params.label()) && !params.sensitive().contains(name) && !name.equals(params.domain()))
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

    private Dataset toDataset(Path file, List<String> featureNames, CsvColumns columns) {
        int n = columns.rows();
        int d = featureNames.size();
        List<List<String>> categories = new ArrayList<>();
        String[][] text = new String[d][];
        for (int j = 0; j < d; j++) {
            String name = featureNames.get(j);
            text[j] = columns.column(name);
            categories.add(params.categorical().contains(name) ? categories(columns, name) : List.of());
        }
        float[][] numbers = numbers(columns, featureNames, categories);
        float[] values = new float[n * d];
        for (int j = 0; j < d; j++) {
            List<String> known = categories.get(j);
            for (int r = 0; r < n; r++) {
                values[r * d + j] = known.isEmpty() ? numbers[j][r] : Collections.binarySearch(known, text[j][r]);
            }
        }
        String[] labelText = columns.column(params.label());
        List<String> classes = classes(file, labelText);
        int[] labels = new int[n];
        for (int r = 0; r < n; r++) {
            String value = labelText[r];
            if (value.isEmpty()) {
                throw columns.problem(r, params.label(), "missing label");
            }
            labels[r] = classes.indexOf(value);
            if (labels[r] < 0) {
                throw columns.problem(r, params.label(), "label \"" + value + "\" is not one of the configured classes " + classes);
            }
        }
        List<String> domainNames = new ArrayList<>(List.of(Domains.SOURCE));
        int[] domains = null;
        if (params.domain() != null) {
            String[] domainText = columns.column(params.domain());
            domains = new int[n];
            for (int r = 0; r < n; r++) {
                if (!domainNames.contains(domainText[r])) {
                    domainNames.add(domainText[r]);
                }
                domains[r] = domainNames.indexOf(domainText[r]);
            }
        }
        List<Feature> features = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            features.add(new Feature(featureNames.get(j), "csv:" + featureNames.get(j), categories.get(j)));
        }
        Schema schema = new Schema(features, List.of(new Task(params.label(), classes)), domainNames, null);
        Dataset.Builder builder = Dataset.builder(schema, Nd4j.create(values, new long[] {n, d}, DataType.FLOAT))
                .labels(params.label(), labels);
        if (domains != null) {
            builder.domains(domains);
        }
        params.sensitive().forEach(name -> builder.sensitive(name, columns.column(name)));
        return builder.build();
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
        String[] text = columns.column(name);
        Set<String> found = new HashSet<>();
        for (int r = 0; r < text.length; r++) {
            if (text[r].isEmpty()) {
                throw columns.problem(r, name, "missing category");
            }
            found.add(text[r]);
        }
        return List.copyOf(new TreeSet<>(found));
    }

    private List<String> classes(Path file, String[] labelText) {
        if (params.classes() != null) {
            return params.classes();
        }
        Set<String> found = new HashSet<>();
        for (String value : labelText) {
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
