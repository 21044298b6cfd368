package dev.fulcrum.core.tune;

import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.run.Yaml;
import dev.fulcrum.io.CsvFields;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code trials.csv}: one row per trial, in number order. Columns: {@code number}, {@code state},
 * each parameter path (the union over the trials, in the order first seen; values as YAML flow
 * text, empty where the trial does not have the parameter), each objective's final value,
 * {@code feasible}, {@code seconds}, {@code pruned_step}, {@code run_folder}, {@code error}. Fields
 * are quoted as RFC 4180 says (section 2: a field holding a comma, a double quote or a line break is
 * enclosed in double quotes, and its double quotes are doubled); lines end in CRLF.
 */
final class TrialsCsv {

    static final String FILE = "trials.csv";
    private static final String LINE_END = "\r\n";

    private TrialsCsv() {
    }

    static String text(List<TrialRecord> trials, List<Objective> objectives, TrialFolders folders) {
        List<TrialRecord> ordered = trials.stream().sorted(Comparator.comparingInt(TrialRecord::number)).toList();
        Set<String> parameters = new LinkedHashSet<>();
        ordered.forEach(trial -> parameters.addAll(trial.params().keySet()));
        List<String> header = new ArrayList<>(List.of("number", "state"));
        header.addAll(parameters);
        objectives.forEach(objective -> header.add(objective.metric()));
        header.addAll(List.of("feasible", "seconds", "pruned_step", "run_folder", "error"));
        StringBuilder text = new StringBuilder();
        line(text, header);
        for (TrialRecord trial : ordered) {
            boolean complete = trial.state() == TrialState.COMPLETE;
            List<String> row = new ArrayList<>(List.of(String.valueOf(trial.number()), trial.state().word()));
            parameters.forEach(path -> row.add(trial.params().containsKey(path) ? Yaml.flow(Json.tree(trial.params().get(path))) : ""));
            objectives.forEach(objective -> row.add(complete ? String.valueOf(trial.value(objective)) : ""));
            row.add(complete ? String.valueOf(trial.feasible()) : "");
            row.add(trial.started() != null && trial.finished() != null ? String.format(Locale.ROOT, "%.1f",
                    Duration.between(trial.started(), trial.finished()).toMillis() / 1000.0) : "");
            row.add(trial.state() == TrialState.PRUNED ? String.valueOf(trial.lastStep()) : "");
            row.add(folders.shown(trial));
            row.add(trial.error() == null ? "" : trial.error());
            line(text, row);
        }
        return text.toString();
    }

    private static void line(StringBuilder text, List<String> fields) {
        text.append(CsvFields.line(fields)).append(LINE_END);
    }
}
