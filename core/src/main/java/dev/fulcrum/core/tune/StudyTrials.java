package dev.fulcrum.core.tune;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.io.CsvColumns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A study folder's trials as its files tell them: the objectives and the front from {@code pareto.json},
 * every trial's state and objective values from {@code trials.csv}.
 *
 * @param objectives    the objectives' metric paths, in the study's order
 * @param trials        a row per trial of {@code trials.csv}, in its order
 * @param front         the numbers of the trials on the front
 * @param selected      the selected trial's number, or {@code null}
 */
public record StudyTrials(List<String> objectives, List<Trial> trials, Set<Integer> front, Integer selected) {

    /**
     * One row of {@code trials.csv}.
     *
     * @param values each objective's final value, {@code null} where the trial has none (not complete)
     */
    public record Trial(int number, String state, List<Double> values) {

        /** Whether the trial has a value of every objective. */
        public boolean hasValues() {
            return values.stream().allMatch(value -> value != null);
        }
    }

    public static StudyTrials read(Path studyFolder) {
        JsonNode pareto = ParetoJson.read(studyFolder);
        List<String> objectives = new ArrayList<>();
        pareto.path("objectives").forEach(objective -> objectives.add(objective.path("metric").asText()));
        Set<Integer> front = new HashSet<>();
        pareto.path("front").forEach(trial -> front.add(trial.path("trial").asInt()));
        JsonNode selected = pareto.path("selected").path("trial");
        Path file = studyFolder.resolve(TrialsCsv.FILE);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(studyFolder + ": a study folder without " + TrialsCsv.FILE);
        }
        List<String> columns = new ArrayList<>(List.of("number", "state"));
        columns.addAll(objectives);
        CsvColumns csv = CsvColumns.read(file, ',', header -> {
            columns.forEach(header::require);
            return columns;
        });
        String[] numbers = csv.column("number");
        String[] states = csv.column("state");
        List<Trial> trials = new ArrayList<>();
        for (int row = 0; row < csv.rows(); row++) {
            List<Double> values = new ArrayList<>();
            for (String objective : objectives) {
                String value = csv.column(objective)[row];
                values.add(value.isEmpty() ? null : number(csv, row, objective, value));
            }
            trials.add(new Trial((int) number(csv, row, "number", numbers[row]), states[row], values));
        }
        return new StudyTrials(List.copyOf(objectives), List.copyOf(trials), Set.copyOf(front),
                selected.isNumber() ? selected.asInt() : null);
    }

    private static double number(CsvColumns csv, int row, String column, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw csv.problem(row, column, "expected a number, got \"" + text + "\"");
        }
    }
}
