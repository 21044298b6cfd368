package dev.fulcrum.core.cli;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import dev.fulcrum.core.pipeline.SavedModel;
import dev.fulcrum.io.CsvColumns;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The decisions the audit command audits, with the class names they index: from a prediction
 * column, from a thresholded score column, or from a saved model.
 *
 * @param probabilities {@code [rows, classes]}, or {@code null} when only decisions are known
 */
record Decisions(List<String> classes, int[] predictions, INDArray probabilities) {

    static Decisions fromColumn(CsvColumns columns, String label, String prediction, String score, String positive) {
        List<String> classes = classes(columns, label, prediction, positive);
        int[] predictions = indices(columns, prediction, classes, "prediction");
        INDArray probabilities = score == null ? null : binaryScores(columns, score, classes, positive);
        return new Decisions(classes, predictions, probabilities);
    }

    static Decisions fromScore(CsvColumns columns, String label, String score, double threshold, String positive) {
        List<String> classes = classes(columns, label, null, positive);
        INDArray probabilities = binaryScores(columns, score, classes, positive);
        int positiveIndex = positiveIndex(classes, positive);
        float[] scores = columns.numbers(score);
        int[] predictions = new int[scores.length];
        for (int row = 0; row < scores.length; row++) {
            predictions[row] = scores[row] >= threshold ? positiveIndex : 1 - positiveIndex;
        }
        return new Decisions(classes, predictions, probabilities);
    }

    /** The model predicts from the CSV's feature columns and decides as it was saved to. */
    static Decisions fromModel(SavedModel model, CsvColumns columns, List<String> sensitive) {
        Schema schema = model.inputSchema();
        Task task = schema.task(Tasks.SPECIFIC).orElseThrow(() -> new InvalidInputException(
                "the model has no specific task; its tasks are " + schema.taskNames()));
        List<String> features = schema.featureNames();
        int n = columns.rows();
        float[] values = new float[n * features.size()];
        for (int j = 0; j < features.size(); j++) {
            float[] column = columns.numbers(features.get(j));
            for (int row = 0; row < n; row++) {
                values[row * features.size() + j] = column[row];
            }
        }
        Map<String, String[]> attributes = new LinkedHashMap<>();
        sensitive.forEach(name -> attributes.put(name, columns.column(name)));
        model.decisionRule().ifPresent(rule -> rule.attributes().forEach(name -> attributes.put(name, columns.column(name))));
        Dataset.Builder raw = Dataset.builder(schema, Nd4j.create(values, new long[] {n, features.size()}, DataType.FLOAT));
        attributes.forEach(raw::sensitive);
        INDArray probabilities = model.probabilities(raw.build()).get(Tasks.SPECIFIC);
        return new Decisions(task.classes(), model.decide(probabilities, attributes), probabilities);
    }

    /** The sorted values found in the label (and prediction) columns, and the positive class if named. */
    private static List<String> classes(CsvColumns columns, String label, String prediction, String positive) {
        Set<String> found = new HashSet<>();
        for (String column : prediction == null ? List.of(label) : List.of(label, prediction)) {
            List<String> values = List.of(columns.values(column));
            int empty = values.indexOf("");
            if (empty >= 0) {
                throw columns.problem(columns.firstRow(column, empty), column, "missing value");
            }
            found.addAll(values);
        }
        if (positive != null) {
            found.add(positive);
        }
        if (found.size() < 2) {
            throw new InvalidInputException(columns.file() + ": the label" + (prediction == null ? "" : " and prediction")
                    + " columns hold only " + found + "; name the other class with --positive");
        }
        return new ArrayList<>(new TreeSet<>(found));
    }

    /** Each row's class, looked up once per distinct value of the column; the first row without one is the error. */
    static int[] indices(CsvColumns columns, String column, List<String> classes, String what) {
        String[] values = columns.values(column);
        int[] classOf = new int[values.length];
        for (int code = 0; code < values.length; code++) {
            classOf[code] = classes.indexOf(values[code]);
        }
        int[] codes = columns.codes(column);
        int[] indices = new int[codes.length];
        for (int row = 0; row < codes.length; row++) {
            indices[row] = classOf[codes[row]];
            if (indices[row] < 0) {
                String value = values[codes[row]];
                throw columns.problem(row, column, value.isEmpty() ? "missing " + what
                        : what + " \"" + value + "\" is not one of the classes " + classes);
            }
        }
        return indices;
    }

    private static int positiveIndex(List<String> classes, String positive) {
        return positive == null ? 1 : classes.indexOf(positive);
    }

    /** A score column as probabilities of two classes: the score for the positive class, the rest for the other. */
    private static INDArray binaryScores(CsvColumns columns, String score, List<String> classes, String positive) {
        if (classes.size() != 2) {
            throw new InvalidInputException("--score " + score + " gives one probability per row, which fits two classes; "
                    + "the label column holds " + classes);
        }
        int positiveIndex = positiveIndex(classes, positive);
        float[] scores = columns.numbers(score);
        float[] probabilities = new float[scores.length * 2];
        for (int row = 0; row < scores.length; row++) {
            if (scores[row] < 0 || scores[row] > 1) {
                throw columns.problem(row, score, "a score is a probability between 0 and 1, got " + scores[row]);
            }
            probabilities[row * 2 + positiveIndex] = scores[row];
            probabilities[row * 2 + 1 - positiveIndex] = 1 - scores[row];
        }
        return Nd4j.create(probabilities, new long[] {scores.length, 2}, DataType.FLOAT);
    }
}
