package com.example.fulcrum.embedding;

import dev.fulcrum.runtime.FulcrumModel;
import dev.fulcrum.runtime.PredictionBatch;
import dev.fulcrum.runtime.TaskPredictions;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a Fulcrum model and predicts on the rows of a CSV file (a header, then plain comma-separated
 * values: the model's feature columns, optionally an id column), as a service would on rows it holds
 * as maps. Writes the columns `fulcrum predict` writes: id, then per task the decided class and a
 * probability per class.
 *
 *   PredictRows RUN_FOLDER_OR_MODEL_ZIP ROWS.csv OUT.csv
 */
public final class PredictRows {

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: PredictRows RUN_FOLDER_OR_MODEL_ZIP ROWS.csv OUT.csv");
            System.exit(2);
        }
        FulcrumModel model = FulcrumModel.load(Path.of(args[0]));
        List<Map<String, Object>> rows = readRows(Path.of(args[1]));

        long started = System.nanoTime();
        PredictionBatch predictions = model.predict(rows);
        double seconds = (System.nanoTime() - started) / 1e9;

        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[2])))) {
            List<String> header = new ArrayList<>(List.of("id"));
            for (String task : predictions.tasks()) {
                header.add(task);
                predictions.task(task).classes().forEach(c -> header.add(task + "." + c));
            }
            out.print(String.join(",", header) + "\n");
            for (int row = 0; row < predictions.rows(); row++) {
                StringBuilder line = new StringBuilder(rows.get(row).getOrDefault("id", row).toString());
                for (String task : predictions.tasks()) {
                    TaskPredictions decided = predictions.task(task);
                    line.append(',').append(decided.className(row));
                    for (float p : decided.probabilities(row)) {
                        line.append(',').append(p);
                    }
                }
                out.print(line.append('\n'));
            }
        }
        System.out.printf("%d rows predicted in %.3f s%n", predictions.rows(), seconds);
    }

    /** Each line as a map from column name to its text; the model parses numbers and matches categories. */
    private static List<Map<String, Object>> readRows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] names = lines.get(0).split(",", -1);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] values = line.split(",", -1);
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                row.put(names[i], values[i]);
            }
            rows.add(row);
        }
        return rows;
    }
}
