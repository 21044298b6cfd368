package dev.fulcrum.core.cli;

import dev.fulcrum.core.representation.Inspection;
import dev.fulcrum.core.representation.ModelScores;
import dev.fulcrum.core.representation.RepresentationsJson;
import dev.fulcrum.core.representation.RunComparison;
import dev.fulcrum.core.representation.Similarity;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What {@code fulcrum inspect} prints: per model a row per layer, drift beside the final model's, then the comparison. */
final class InspectionTable {

    private InspectionTable() {
    }

    static void print(Inspection inspection, PrintWriter out) {
        for (ModelScores model : inspection.models()) {
            out.println(String.format(Locale.ROOT, "%s (%s), LEEP of the general head for the specific labels: %s",
                    model.model(), model.file(), number(model.leep())));
            boolean drift = model.model().equals("final") && inspection.drift() != null;
            List<String> header = new ArrayList<>(List.of("layer", "units"));
            inspection.tasks().forEach(task -> header.add("probe_" + task));
            header.add("logme");
            if (drift) {
                inspection.tasks().forEach(task -> header.add("drift_" + task));
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(header.toArray(String[]::new));
            for (int i = 0; i < model.layers().size(); i++) {
                ModelScores.Layer layer = model.layers().get(i);
                List<String> row = new ArrayList<>(List.of(layer.name(), Long.toString(layer.units())));
                inspection.tasks().forEach(task -> row.add(number(layer.probeAccuracy().getOrDefault(task, Double.NaN))));
                row.add(number(layer.logMe()));
                if (drift) {
                    Map<String, Similarity> byTask = inspection.drift().get(i).byTask();
                    inspection.tasks().forEach(task -> row.add(byTask.containsKey(task) ? number(byTask.get(task).drift()) : "-"));
                }
                rows.add(row.toArray(String[]::new));
            }
            TextTable.print(out, rows, 1);
            out.println();
        }
        RunComparison against = inspection.against();
        if (against != null) {
            against.debiased().forEach((task, matrix) -> {
                out.println("CKA (debiased) with " + against.run() + " on the " + task + " validation rows (a row per layer of this run)");
                List<String[]> rows = new ArrayList<>();
                List<String> header = new ArrayList<>(List.of("layer"));
                header.addAll(against.against());
                rows.add(header.toArray(String[]::new));
                for (int i = 0; i < matrix.length; i++) {
                    List<String> row = new ArrayList<>(List.of(against.layers().get(i)));
                    for (double value : matrix[i]) {
                        row.add(number(value));
                    }
                    rows.add(row.toArray(String[]::new));
                }
                TextTable.print(out, rows, 1);
                out.println();
            });
        }
        out.println(String.format(Locale.ROOT, "%s written (measured in %.1f s): %s", RepresentationsJson.FILE,
                inspection.seconds().get("total"), inspection.folder().resolve(RepresentationsJson.FILE)));
        if (inspection.export() != null) {
            out.println("activations exported: " + inspection.export());
        }
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : "-";
    }
}
