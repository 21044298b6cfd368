package dev.fulcrum.core.cli;

import dev.fulcrum.core.run.AtomicFile;
import dev.fulcrum.io.CsvFields;
import dev.fulcrum.runtime.PredictionBatch;
import dev.fulcrum.runtime.TaskPredictions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code fulcrum predict}'s output: a header, then one line per input row: {@code id}, and per task
 * the decided class ({@code <task>}) and its probability of each class ({@code <task>.<class>}).
 * Written beside its final name and moved into place, so no reader sees half a file.
 */
final class PredictionsCsv {

    private PredictionsCsv() {
    }

    static void write(Path file, String[] ids, PredictionBatch predictions) {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
            try {
                try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                    out.write(line(header(predictions)));
                    StringBuilder row = new StringBuilder();
                    for (int r = 0; r < ids.length; r++) {
                        row.setLength(0);
                        row.append(CsvFields.quoted(ids[r]));
                        for (String task : predictions.tasks()) {
                            TaskPredictions decided = predictions.task(task);
                            row.append(',').append(CsvFields.quoted(decided.className(r)));
                            for (float p : decided.probabilities(r)) {
                                row.append(',').append(p);
                            }
                        }
                        out.write(row.append('\n').toString());
                    }
                }
                AtomicFile.commit(partial, target);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    static List<String> header(PredictionBatch predictions) {
        List<String> names = new ArrayList<>(List.of("id"));
        for (String task : predictions.tasks()) {
            names.add(task);
            predictions.task(task).classes().forEach(c -> names.add(task + "." + c));
        }
        return names;
    }

    private static String line(List<String> fields) {
        return CsvFields.line(fields) + "\n";
    }
}
