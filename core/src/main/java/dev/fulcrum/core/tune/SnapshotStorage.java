package dev.fulcrum.core.tune;

import dev.fulcrum.api.tune.ClaimedTrial;
import dev.fulcrum.api.tune.StudyStorage;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The study as a trial running on an engine's machine sees it: the other trials as they were at the
 * claim, for its pruner, and its own reports, which the driver stores once the trial is back. It
 * claims and finishes nothing: the driver does.
 */
final class SnapshotStorage implements StudyStorage {

    private final List<TrialRecord> others;
    private final int number;
    private final Map<String, Object> params;
    private final TreeMap<Integer, Map<String, Double>> reports = new TreeMap<>();
    private final Instant started = Instant.now();
    private String runFolder;

    SnapshotStorage(List<TrialRecord> others, int number, Map<String, Object> params) {
        this.others = List.copyOf(others);
        this.number = number;
        this.params = params;
    }

    synchronized TreeMap<Integer, Map<String, Double>> reports() {
        return new TreeMap<>(reports);
    }

    synchronized String runFolder() {
        return runFolder;
    }

    @Override
    public synchronized void setRunFolder(int trial, String folder) {
        runFolder = folder;
    }

    @Override
    public synchronized void report(int trial, int step, Map<String, Double> metrics) {
        reports.put(step, Map.copyOf(metrics));
    }

    @Override
    public void heartbeat(int trial) {
        // The driver beats for it, in the study's database.
    }

    @Override
    public synchronized List<TrialRecord> trials() {
        List<TrialRecord> all = new ArrayList<>(others);
        all.add(new TrialRecord(number, TrialState.RUNNING, params, Map.of(), true, reports, runFolder, null, null, started, null));
        all.sort(Comparator.comparingInt(TrialRecord::number));
        return all;
    }

    @Override
    public boolean createIfAbsent(String definition) {
        throw driverOnly();
    }

    @Override
    public String definition() {
        throw driverOnly();
    }

    @Override
    public int enqueue(Map<String, Object> params) {
        throw driverOnly();
    }

    @Override
    public Optional<ClaimedTrial> claim(String worker, int maxTrials, Function<List<TrialRecord>, Map<String, Object>> suggest) {
        throw driverOnly();
    }

    @Override
    public boolean finish(int trial, TrialState state, Map<String, Double> values, boolean feasible, String error) {
        throw driverOnly();
    }

    @Override
    public List<Integer> requeueStale(Duration silence) {
        throw driverOnly();
    }

    @Override
    public void close() {
    }

    private static UnsupportedOperationException driverOnly() {
        return new UnsupportedOperationException("a trial on an engine's machine neither claims nor finishes trials; its driver does");
    }
}
