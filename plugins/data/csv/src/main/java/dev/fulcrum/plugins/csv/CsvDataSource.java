package dev.fulcrum.plugins.csv;

import dev.fulcrum.api.DataFileException;
import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.data.DataSource;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Feature;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a CSV file into rows. Every problem names the file, the line (the header is line 1) and
 * the column, and the whole file is read before anything is returned, so a bad row never leaves a
 * half-loaded dataset behind.
 */
final class CsvDataSource implements DataSource {

    private final CsvParams params;
    private final RunContext context;

    CsvDataSource(CsvParams params, RunContext context) {
        this.params = params;
        this.context = context;
    }

    /** A data row and its line in the file. */
    private record Row(long line, List<String> fields) {
        String get(int column) {
            return fields.get(column);
        }
    }

    @Override
    public Dataset load() {
        Path file = params.path();
        List<Row> rows = new ArrayList<>();
        List<String> header;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            if (first == null || first.isBlank()) {
                throw new DataFileException(file, 1, null, "the file is empty; the first line must be a header");
            }
            char delimiter = params.delimiter().charAt(0);
            header = CsvLines.split(stripBom(first), delimiter, file, 1);
            long lineNumber = 1;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = CsvLines.split(line, delimiter, file, lineNumber);
                if (fields.size() != header.size()) {
                    throw new DataFileException(file, lineNumber, null, "expected " + header.size() + " fields as in the header, got " + fields.size());
                }
                rows.add(new Row(lineNumber, fields));
            }
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, 0, null, "no such file");
        } catch (IOException e) {
            throw new DataFileException(file, "cannot read: " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new DataFileException(file, 0, null, "the file has a header but no rows");
        }
        context.recordInput(file);
        return toDataset(file, header, rows);
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private Dataset toDataset(Path file, List<String> header, List<Row> rows) {
        int labelColumn = column(file, header, params.label(), "label");
        Map<String, Integer> sensitiveColumns = new LinkedHashMap<>();
        params.sensitive().forEach(name -> sensitiveColumns.put(name, column(file, header, name, "sensitive")));
        Integer domainColumn = params.domain() == null ? null : column(file, header, params.domain(), "domain");
        List<String> featureNames = params.features() != null ? params.features() : header.stream()
                .filter(name -> !name.equals(params.label()) && !sensitiveColumns.containsKey(name) && !name.equals(params.domain()))
                .toList();
        if (featureNames.isEmpty()) {
            throw new DataFileException(file, 1, null, "no feature columns: the header has only the label, sensitive and domain columns");
        }
        for (String name : params.categorical()) {
            if (!featureNames.contains(name)) {
                throw new DataFileException(file, 1, name, "the categorical column \"" + name + "\" is the label, a sensitive or the domain column");
            }
        }
        int[] featureColumns = featureNames.stream().mapToInt(name -> column(file, header, name, "feature")).toArray();
        int n = rows.size();
        int d = featureColumns.length;
        List<List<String>> categories = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            categories.add(params.categorical().contains(featureNames.get(j)) ? categories(file, featureColumns[j], header, rows) : List.of());
        }
        float[] values = new float[n * d];
        for (int r = 0; r < n; r++) {
            Row row = rows.get(r);
            for (int j = 0; j < d; j++) {
                String text = row.get(featureColumns[j]);
                values[r * d + j] = categories.get(j).isEmpty() ? number(file, row.line(), header.get(featureColumns[j]), text)
                        : categories.get(j).indexOf(text);
            }
        }
        List<String> classes = classes(file, labelColumn, rows);
        int[] labels = new int[n];
        for (int r = 0; r < n; r++) {
            Row row = rows.get(r);
            String value = row.get(labelColumn);
            if (value.isEmpty()) {
                throw new DataFileException(file, row.line(), params.label(), "missing label");
            }
            labels[r] = classes.indexOf(value);
            if (labels[r] < 0) {
                throw new DataFileException(file, row.line(), params.label(),
                        "label \"" + value + "\" is not one of the configured classes " + classes);
            }
        }
        List<String> domainNames = new ArrayList<>(List.of(Domains.SOURCE));
        int[] domains = new int[n];
        if (domainColumn != null) {
            for (int r = 0; r < n; r++) {
                String value = rows.get(r).get(domainColumn);
                if (!domainNames.contains(value)) {
                    domainNames.add(value);
                }
                domains[r] = domainNames.indexOf(value);
            }
        }
        List<Feature> features = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            features.add(new Feature(featureNames.get(j), "csv:" + featureNames.get(j), categories.get(j)));
        }
        Schema schema = new Schema(features, List.of(new Task(params.label(), classes)), domainNames, null);
        Dataset.Builder builder = Dataset.builder(schema, Nd4j.create(values, new long[] {n, d}, DataType.FLOAT))
                .labels(params.label(), labels)
                .domains(domains);
        sensitiveColumns.forEach((name, index) -> builder.sensitive(name, rows.stream().map(row -> row.get(index)).toArray(String[]::new)));
        return builder.build();
    }

    private int column(Path file, List<String> header, String name, String role) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new DataFileException(file, 1, name, "the " + role + " column \"" + name + "\" is not in the header; columns are " + header);
        }
        return index;
    }

    /** The sorted category names of a categorical column; every row must name one. */
    private static List<String> categories(Path file, int column, List<String> header, List<Row> rows) {
        TreeSet<String> found = new TreeSet<>();
        for (Row row : rows) {
            if (row.get(column).isEmpty()) {
                throw new DataFileException(file, row.line(), header.get(column), "missing category");
            }
            found.add(row.get(column));
        }
        return List.copyOf(found);
    }

    private List<String> classes(Path file, int labelColumn, List<Row> rows) {
        if (params.classes() != null) {
            return params.classes();
        }
        TreeSet<String> found = new TreeSet<>();
        rows.forEach(row -> {
            if (!row.get(labelColumn).isEmpty()) {
                found.add(row.get(labelColumn));
            }
        });
        if (found.size() < 2) {
            throw new DataFileException(file, 0, params.label(), "the label column has " + found.size() + " distinct value(s); a task needs at least 2");
        }
        return List.copyOf(found);
    }

    private static float number(Path file, long line, String column, String text) {
        float value;
        try {
            value = Float.parseFloat(text);
        } catch (NumberFormatException e) {
            throw new DataFileException(file, line, column, text.isEmpty() ? "missing value; expected a number" : "expected a number, got \"" + text + "\"");
        }
        if (!Float.isFinite(value)) {
            throw new DataFileException(file, line, column, "expected a finite number, got \"" + text + "\"");
        }
        return value;
    }
}
