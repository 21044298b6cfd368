package dev.fulcrum.plugins.fairnessmitigation;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.mitigate.PreTrainingMitigator;
import dev.fulcrum.math.rows.Groups;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reweighing (Kamiran and Calders, "Data preprocessing techniques for classification without
 * discrimination", KAIS 33, 2012; AIF360's Reweighing): each training row of group g and class c
 * has its weight multiplied by {@code w(g, c) = W_g W_c / (W W_gc)}, where the W are total
 * (existing) weights: of all training rows, of group g, of class c, and of both. Groups are the
 * intersectional groups of the attributes. Each cell then weighs {@code W_g W_c / W}, so the total
 * weight stays W and every group has the class distribution of the whole: the weighted statistical
 * parity difference of the training labels is 0. Only the specific task's labelled training rows
 * change.
 */
final class Reweighing implements PreTrainingMitigator {

    private final ReweighingParams params;

    Reweighing(ReweighingParams params) {
        this.params = params;
    }

    @Override
    public Mitigated apply(Dataset data) {
        int[] rows = data.labelledRows(Tasks.SPECIFIC, Partition.TRAIN);
        if (rows.length == 0) {
            throw new InvalidInputException("reweighing: the specific task has no labelled training rows");
        }
        List<String> classes = data.schema().task(Tasks.SPECIFIC).orElseThrow().classes();
        List<String> attributes = params.attributes() != null ? params.attributes() : List.copyOf(data.sensitive().keySet());
        if (attributes.isEmpty()) {
            throw new InvalidInputException("reweighing: the data has no sensitive attributes; name them in the data source");
        }
        Groups groups = Groups.of(Rows.sensitive(data, rows), attributes);
        int[] allLabels = data.labels(Tasks.SPECIFIC);
        float[] weights = data.weights();
        int k = classes.size();
        double[] cell = new double[groups.count() * k];
        long[] cellRows = new long[groups.count() * k];
        for (int i = 0; i < rows.length; i++) {
            int index = groups.code(i) * k + allLabels[rows[i]];
            cell[index] += weights[rows[i]];
            cellRows[index]++;
        }
        double[] byGroup = new double[groups.count()];
        double[] byClass = new double[k];
        double total = 0;
        for (int g = 0; g < groups.count(); g++) {
            for (int c = 0; c < k; c++) {
                byGroup[g] += cell[g * k + c];
                byClass[c] += cell[g * k + c];
                total += cell[g * k + c];
            }
        }
        if (total <= 0) {
            throw new InvalidInputException("reweighing: the training rows' weights sum to " + total);
        }
        double[] factor = new double[cell.length];
        for (int g = 0; g < groups.count(); g++) {
            for (int c = 0; c < k; c++) {
                int index = g * k + c;
                factor[index] = cell[index] == 0 ? 0 : byGroup[g] * byClass[c] / (total * cell[index]);
            }
        }
        float[] reweighed = weights.clone();
        for (int i = 0; i < rows.length; i++) {
            reweighed[rows[i]] = (float) (weights[rows[i]] * factor[groups.code(i) * k + allLabels[rows[i]]]);
        }
        int positive = positiveClass(classes);
        return new Mitigated(data.withWeights(reweighed),
                report(groups, classes, positive, cell, cellRows, factor, byGroup, byClass, total));
    }

    private int positiveClass(List<String> classes) {
        if (params.positiveClass() == null) {
            return 1;
        }
        int index = classes.indexOf(params.positiveClass());
        if (index < 0) {
            throw new InvalidInputException("reweighing: positive-class \"" + params.positiveClass() + "\" is not a class of the specific task; "
                    + "classes are " + classes);
        }
        return index;
    }

    private static Map<String, Object> report(Groups groups, List<String> classes, int positive, double[] cell, long[] cellRows,
                                              double[] factor, double[] byGroup, double[] byClass, double total) {
        int k = classes.size();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("attributes", groups.attributes());
        report.put("positive_class", classes.get(positive));
        report.put("training_weight", total);
        Map<String, Object> cells = new LinkedHashMap<>();
        Map<String, Object> rateBefore = new LinkedHashMap<>();
        Map<String, Object> rateAfter = new LinkedHashMap<>();
        List<String> unbalanced = new ArrayList<>();
        double minBefore = Double.POSITIVE_INFINITY;
        double maxBefore = Double.NEGATIVE_INFINITY;
        double minAfter = Double.POSITIVE_INFINITY;
        double maxAfter = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < groups.count(); g++) {
            Map<String, Object> groupCells = new LinkedHashMap<>();
            double weightAfter = 0;
            for (int c = 0; c < k; c++) {
                int index = g * k + c;
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("rows", cellRows[index]);
                entry.put("weight", cell[index]);
                entry.put("factor", factor[index]);
                groupCells.put(classes.get(c), entry);
                weightAfter += cell[index] * factor[index];
                if (cell[index] == 0 && byClass[c] > 0) {
                    unbalanced.add(groups.name(g) + " has no training rows of class " + classes.get(c));
                }
            }
            cells.put(groups.name(g), groupCells);
            double before = cell[g * k + positive] / byGroup[g];
            double after = weightAfter == 0 ? 0 : cell[g * k + positive] * factor[g * k + positive] / weightAfter;
            rateBefore.put(groups.name(g), before);
            rateAfter.put(groups.name(g), after);
            minBefore = Math.min(minBefore, before);
            maxBefore = Math.max(maxBefore, before);
            minAfter = Math.min(minAfter, after);
            maxAfter = Math.max(maxAfter, after);
        }
        report.put("cells", cells);
        report.put("label_rate_before", rateBefore);
        report.put("label_rate_after", rateAfter);
        report.put("label_parity_difference_before", maxBefore - minBefore);
        report.put("label_parity_difference_after", maxAfter - minAfter);
        report.put("unbalanced", unbalanced);
        return report;
    }
}
