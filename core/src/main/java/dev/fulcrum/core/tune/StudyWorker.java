package dev.fulcrum.core.tune;

import dev.fulcrum.api.tune.ClaimedTrial;
import dev.fulcrum.api.tune.StudyStorage;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import dev.fulcrum.core.pipeline.RunProgress;
import dev.fulcrum.core.train.TrainingBudget;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One worker's loop over a study (Optuna's {@code _optimize}): queue stale trials again, claim a
 * trial (a waiting one, else a new one the sampler draws from every trial so far), run it, and
 * always tell the study how it ended. The budget is the study's, not the worker's: the trials of
 * every worker count, so does their failures, and all share one deadline.
 */
final class StudyWorker {

    private static final long IDLE_POLL_MILLIS = 1000;

    private final String id;
    private final StudyStorage storage;
    private final StudyPlan plan;
    private final TrialRunner runner;
    private final StudyTimings timings;
    private final Instant deadline;
    private final Consumer<List<TrialRecord>> afterTrial;
    private final RunProgress progress;

    /**
     * @param deadline   no trial starts after it, or {@code null}
     * @param afterTrial told every trial of the study after each trial this worker ran
     */
    StudyWorker(String id, StudyStorage storage, StudyPlan plan, TrialRunner runner, StudyTimings timings, Instant deadline,
                Consumer<List<TrialRecord>> afterTrial, RunProgress progress) {
        this.id = id;
        this.storage = storage;
        this.plan = plan;
        this.runner = runner;
        this.timings = timings;
        this.deadline = deadline;
        this.afterTrial = afterTrial;
        this.progress = progress;
    }

    WorkerEnd run() {
        while (true) {
            storage.requeueStale(timings.staleAfter());
            Optional<WorkerEnd> stop = stopReason(plan, storage.trials(), deadline);
            if (stop.isPresent()) {
                return stop.get();
            }
            Optional<ClaimedTrial> claimed = claim(storage, id, plan);
            if (claimed.isEmpty()) {
                // Nothing to claim; a trial still running elsewhere may yet be queued again (its worker died), so wait for it.
                if (storage.trials().stream().noneMatch(t -> t.state() == TrialState.RUNNING)) {
                    return WorkerEnd.budgetSpent(null);
                }
                pause();
                continue;
            }
            ClaimedTrial trial = claimed.get();
            TrialEnd end = runner.run(trial);
            if (!storage.finish(trial.number(), end.state(), end.values(), end.feasible(), end.error())) {
                progress.note("trial " + trial.number() + " was taken for dead (its heartbeat was silent for "
                        + timings.staleAfter().toMillis() / 1000.0 + " s) and queued again; this run of it is not counted");
            }
            afterTrial.accept(storage.trials());
            if (end.stopsWorker()) {
                return new WorkerEnd(WorkerEnd.BAD_INPUT, "trial " + trial.number() + " met bad input, which every later "
                        + "trial would meet too, so worker " + id + " stopped: " + end.error());
            }
        }
    }

    /** A waiting trial, else a new one the sampler draws from every trial so far, claimed by {@code worker}. */
    static Optional<ClaimedTrial> claim(StudyStorage storage, String worker, StudyPlan plan) {
        return storage.claim(worker, plan.tune().trials(), trials -> plan.sampler().component()
                .suggest(plan.tune().space(), plan.tune().objectives(), trials, TrialSeeds.of(plan.seed(), trials.size())));
    }

    /**
     * Why no trial may start now, whichever workers ran the trials so far: too many failed, the
     * timeout ({@code deadline}, or {@code null}) passed, or the study's budget is spent.
     */
    static Optional<WorkerEnd> stopReason(StudyPlan plan, List<TrialRecord> trials, Instant deadline) {
        Optional<WorkerEnd> failedOut = tooManyFailed(plan, trials);
        if (failedOut.isPresent()) {
            return failedOut;
        }
        if (deadline != null && Instant.now().isAfter(deadline)) {
            return Optional.of(WorkerEnd.budgetSpent("the study's timeout has passed"));
        }
        return budgetSpent(plan, trials);
    }

    /** Why no trial starts any more once the study's {@code tune.budget} is spent. */
    private static Optional<WorkerEnd> budgetSpent(StudyPlan plan, List<TrialRecord> trials) {
        TrainingBudget.Spent spent = StudySpending.of(trials);
        return StudySpending.reached(plan.tune().budget(), spent).map(limit -> WorkerEnd.budgetSpent("the study's budget is spent ("
                + limit + "): " + StudySpending.describe(plan.tune().budget(), spent)));
    }

    /** Why the study stops when too many of its trials failed, by whichever worker. */
    static Optional<WorkerEnd> tooManyFailed(StudyPlan plan, List<TrialRecord> trials) {
        List<TrialRecord> failed = trials.stream().filter(t -> t.state() == TrialState.FAILED).toList();
        if (failed.size() < plan.tune().maxFailed()) {
            return Optional.empty();
        }
        TrialRecord last = failed.get(failed.size() - 1);
        return Optional.of(new WorkerEnd(WorkerEnd.STUDY_FAILED, "the study stopped: " + failed.size() + " trials failed "
                + "(tune.max-failed: " + plan.tune().maxFailed() + "); the last, trial " + last.number() + ": " + last.error()));
    }

    /**
     * Waits before looking again. Every second, not every heartbeat: the trial this worker waits for
     * usually ends, and then the study ends too, so a heartbeat's wait (10 s) would be added to every
     * study of several workers.
     */
    private void pause() {
        try {
            Thread.sleep(Math.min(timings.heartbeat().toMillis(), IDLE_POLL_MILLIS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("worker " + id + " was interrupted", e);
        }
    }
}
