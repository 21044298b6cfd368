package dev.fulcrum.plugins.csv;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;

import java.nio.file.Path;
import java.util.List;

public record CsvParams(
        @Doc("the CSV file; the first line is the header; relative paths start at the pipeline file's folder") Path path,
        @Doc("the label column") String label,
        @Doc("feature columns, all numeric; by default every column that is not the label, sensitive or domain") List<String> features,
        @Doc("sensitive attribute columns: kept for auditing, never used as features") List<String> sensitive,
        @Doc("a column naming each row's domain (e.g. source, target); none: every row is in the source domain") String domain,
        @Doc("class names in order; by default the label values found, sorted") List<String> classes,
        @Doc("the field separator, one character") String delimiter,
        @Doc("feature columns whose values are category names: each holds the index of its category among the "
                + "sorted names found, and the schema keeps the names (for one-hot)") List<String> categorical,
        @Doc("a column of row ids, each unique, that corrections and listings of rows refer to; none: a row's id is "
                + "the file's name and the row's line, e.g. data.csv#row=17") String id) {

    /** Params without categorical columns. */
    public CsvParams(Path path, String label, List<String> features, List<String> sensitive, String domain, List<String> classes,
                     String delimiter) {
        this(path, label, features, sensitive, domain, classes, delimiter, null, null);
    }

    public CsvParams {
        label = label == null ? "label" : label;
        sensitive = sensitive == null ? List.of() : List.copyOf(sensitive);
        features = features == null ? null : List.copyOf(features);
        classes = classes == null ? null : List.copyOf(classes);
        delimiter = delimiter == null ? "," : delimiter;
        categorical = categorical == null ? List.of() : List.copyOf(categorical);
        if (delimiter.length() != 1 || "\"\r\n".contains(delimiter)) {
            throw new InvalidParamsException("delimiter", "must be one character other than a quote or a line break, got \""
                    + delimiter.replace("\r", "\\r").replace("\n", "\\n") + "\"");
        }
        if (features != null && !features.containsAll(categorical)) {
            List<String> missing = new java.util.ArrayList<>(categorical);
            missing.removeAll(features);
            throw new InvalidParamsException("categorical", "names columns that features leaves out: " + missing);
        }
        if (classes != null && classes.size() < 2) {
            throw new InvalidParamsException("classes", "name at least 2 classes, got " + classes);
        }
    }
}
