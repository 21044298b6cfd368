package dev.fulcrum.api.tune;

import dev.fulcrum.api.Experimental;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The database of one study: its definition and every trial. Several workers, in several processes,
 * may hold a storage of the same study at once; every method is atomic against all of them, and
 * safe to call from several threads. A returned record never changes; finished trials never change.
 * The shape follows Optuna's {@code BaseStorage}, with intermediate reports as metric maps.
 */
@Experimental
public interface StudyStorage extends AutoCloseable {

    /**
     * Creates the study with {@code definition} (the host's JSON of its objectives, space, sampler,
     * pruner and seed) unless it exists.
     *
     * @return true when this call created it; false when it existed, whatever its definition
     */
    boolean createIfAbsent(String definition);

    /** The definition the study was created with. */
    String definition();

    /** Queues a trial with fixed params, to be claimed before any new one is suggested; returns its number. */
    int enqueue(Map<String, Object> params);

    /**
     * Gives {@code worker} a trial to run: the lowest-numbered waiting one, else, while the study has
     * fewer than {@code maxTrials} trials, a new one whose params {@code suggest} draws from every
     * trial so far. Both happen under one lock, so no two claims get the same trial or draw from the
     * same history.
     *
     * @return the claimed trial, now running; empty when nothing waits and the budget is spent
     */
    Optional<ClaimedTrial> claim(String worker, int maxTrials, Function<List<TrialRecord>, Map<String, Object>> suggest);

    /** Records the run folder of a running trial, as soon as it exists. */
    void setRunFolder(int trial, String runFolder);

    /** Stores the validation metrics of a running trial after {@code step}, replacing a report of that step. */
    void report(int trial, int step, Map<String, Double> metrics);

    /** Marks a running trial alive now. */
    void heartbeat(int trial);

    /**
     * Ends a running trial.
     *
     * @param values   objective metric to value, for {@link TrialState#COMPLETE}; else empty
     * @param feasible false when the run completed but broke a constraint (a failed audit gate)
     * @param error    why it failed, for {@link TrialState#FAILED}; else {@code null}
     * @return false, changing nothing, when the trial was not running (another worker re-queued it as stale)
     */
    boolean finish(int trial, TrialState state, Map<String, Double> values, boolean feasible, String error);

    /**
     * Re-queues every running trial whose last heartbeat (or claim) is older than {@code silence}:
     * it waits again with the same number and params, its reports dropped, so that no trial is lost
     * and none is counted twice.
     *
     * @return the numbers of the trials re-queued
     */
    List<Integer> requeueStale(Duration silence);

    /** Every trial, in number order. */
    List<TrialRecord> trials();

    @Override
    void close();
}
