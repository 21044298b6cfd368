package dev.fulcrum.core.cli;

import dev.fulcrum.api.audit.AuditInput;
import dev.fulcrum.io.CsvColumns;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rows the audit command audits: labels, sensitive attributes and weights from the CSV, with the decisions. */
final class AuditRows {

    private final CsvColumns columns;
    private final String label;
    private final List<String> sensitive;
    private final String weight;

    AuditRows(CsvColumns columns, String label, List<String> sensitive, String weight) {
        this.columns = columns;
        this.label = label;
        this.sensitive = List.copyOf(sensitive);
        this.weight = weight;
    }

    AuditInput input(Decisions decisions) {
        int[] labels = Decisions.indices(columns, label, decisions.classes(), "label");
        Map<String, String[]> attributes = new LinkedHashMap<>();
        sensitive.forEach(name -> attributes.put(name, columns.column(name)));
        return new AuditInput(label, decisions.classes(), labels, decisions.predictions(), decisions.probabilities(),
                attributes, weights());
    }

    private float[] weights() {
        if (weight == null) {
            float[] ones = new float[columns.rows()];
            Arrays.fill(ones, 1f);
            return ones;
        }
        float[] weights = columns.numbers(weight);
        for (int row = 0; row < weights.length; row++) {
            if (weights[row] < 0) {
                throw columns.problem(row, weight, "a sample weight must not be negative, got " + weights[row]);
            }
        }
        return weights;
    }
}
