package dev.fulcrum.core.tune;

import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What every study database's rows hold, whichever database keeps them: trials read from rows of
 * {@link #TRIAL_COLUMNS} and reports from rows of (trial, step, metrics), states by their words,
 * times as microseconds since the epoch.
 */
final class TrialRows {

    static final String TRIAL_COLUMNS =
            "number, state, params, objective_values, feasible, run_folder, error, worker, started_us, finished_us";

    private TrialRows() {
    }

    /** The trials of rows of {@link #TRIAL_COLUMNS}, in their order, each with its reports from rows of (trial, step, metrics). */
    static List<TrialRecord> read(ResultSet reportRows, ResultSet trialRows) throws SQLException {
        Map<Integer, SortedMap<Integer, Map<String, Double>>> reports = new HashMap<>();
        while (reportRows.next()) {
            reports.computeIfAbsent(reportRows.getInt(1), trial -> new TreeMap<>())
                    .put(reportRows.getInt(2), StudyJson.readMetrics(reportRows.getString(3)));
        }
        List<TrialRecord> trials = new ArrayList<>();
        while (trialRows.next()) {
            int number = trialRows.getInt(1);
            trials.add(new TrialRecord(number, state(trialRows.getString(2)), StudyJson.readParams(trialRows.getString(3)),
                    StudyJson.readMetrics(trialRows.getString(4)), trialRows.getBoolean(5),
                    reports.getOrDefault(number, new TreeMap<>()), trialRows.getString(6), trialRows.getString(7),
                    trialRows.getString(8), instant(trialRows, 9), instant(trialRows, 10)));
        }
        return List.copyOf(trials);
    }

    static TrialState state(String word) {
        return TrialState.valueOf(word.toUpperCase(Locale.ROOT));
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        long micros = rows.getLong(column);
        return rows.wasNull() ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
