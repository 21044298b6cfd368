package dev.fulcrum.core.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.tune.StudyFront;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Prints runs side by side from their {@code summary.json}: both sides of the balance and what they
 * cost; and the front of each study folder among the arguments, from its {@code pareto.json}.
 */
@Command(name = "compare", description = "Print runs side by side: strategy, specific and general test accuracy, "
        + "general accuracy before specific training, forgetting, training time. A study folder (from fulcrum tune) "
        + "prints its Pareto front: each trial's params and objective values, the selected trial marked.")
final class CompareCommand implements Callable<Integer> {

    private static final String[] HEADER = {"run", "status", "strategy", "model", "specific", "general", "general_before",
            "forgetting", "train_s"};
    private static final int RUN_TEXT_COLUMNS = 4;

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "Run folders (or their summary.json files), or study folders.")
    List<Path> runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        List<StudyFront> studies = new ArrayList<>();
        for (Path run : runs) {
            if (Files.isDirectory(run) && StudyFront.isStudyFolder(run)) {
                studies.add(StudyFront.read(run));
            } else {
                rows.add(row(run, read(run)));
            }
        }
        if (rows.size() > 1) {
            print(out, rows, RUN_TEXT_COLUMNS);
        }
        for (StudyFront study : studies) {
            if (rows.size() > 1 || study != studies.get(0)) {
                out.println();
            }
            out.println(study.title());
            print(out, study.rows(), study.textColumns());
        }
        return ExitCodes.OK;
    }

    private static JsonNode read(Path run) {
        Path file = Files.isDirectory(run) ? run.resolve("summary.json") : run;
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(run + ": not a run folder (it has no summary.json)");
        }
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read it as JSON: " + e.getMessage(), e);
        }
    }

    private static String[] row(Path run, JsonNode summary) {
        JsonNode balance = summary.path("balance");
        Path folder = Files.isDirectory(run) ? run : run.toAbsolutePath().getParent();
        return new String[] {
                String.valueOf(folder.getFileName()),
                summary.path("status").asText("-"),
                summary.path("training").path("strategy").asText("-"),
                summary.path("training").path("model").asText("-"),
                number(balance.path("specific"), "%.4f"),
                number(balance.path("general"), "%.4f"),
                number(balance.path("general_before"), "%.4f"),
                number(balance.path("forgetting"), "%+.4f"),
                number(summary.path("timing").path("stages").path("train"), "%.1f")};
    }

    private static String number(JsonNode node, String format) {
        return node.isNumber() ? String.format(Locale.ROOT, format, node.doubleValue()) : "-";
    }

    /** The first {@code textColumns} columns left-aligned (text), the others right-aligned (numbers). */
    private static void print(PrintWriter out, List<String[]> rows, int textColumns) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                String format = c < textColumns ? "%-" + widths[c] + "s" : "%" + widths[c] + "s";
                line.append(c == 0 ? "" : "  ").append(String.format(Locale.ROOT, format, row[c]));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }
}
