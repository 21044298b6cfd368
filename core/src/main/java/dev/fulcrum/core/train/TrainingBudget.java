package dev.fulcrum.core.train;

import dev.fulcrum.core.config.BudgetConfig;

import java.util.Optional;

/**
 * What a run's training may spend and has spent. The host's loop counts every epoch's samples, FLOPs and
 * wall seconds here and, at the end of the epoch in which a limit was reached, stops the phase as early
 * stopping would (keeping the best epoch where the phase keeps one); every later phase then runs no
 * epoch. Epochs, not iterations, so that every epoch the run reports was whole and validated.
 */
public final class TrainingBudget {

    /** Unlimited: a run without {@code budget:}. */
    public static TrainingBudget none() {
        return new TrainingBudget(null);
    }

    public static TrainingBudget of(BudgetConfig limits) {
        return new TrainingBudget(limits);
    }

    /** Which limit ended training, and after which epoch. */
    public record Stop(String limit, String phase, int epoch, int globalEpoch) {
    }

    /** What training has spent so far: samples fed, training FLOPs, wall seconds of its epochs. */
    public record Spent(long samples, double flops, double seconds) {
    }

    private final BudgetConfig limits;
    private long samples;
    private double flops;
    private double seconds;
    private Stop stop;

    private TrainingBudget(BudgetConfig limits) {
        this.limits = limits;
    }

    public Optional<BudgetConfig> limits() {
        return Optional.ofNullable(limits);
    }

    /**
     * Refuses a budget that cannot pay for one epoch of the first phase, known before it starts.
     *
     * @throws BudgetTooSmall naming the limit
     */
    void requireOneEpoch(String phase, long samplesPerEpoch, double flopsPerEpoch) {
        if (limits == null || samples > 0) {
            return;
        }
        if (limits.samples() != null && limits.samples() < samplesPerEpoch) {
            throw new BudgetTooSmall("samples", String.format(java.util.Locale.ROOT, "%d samples are less than one epoch of "
                    + "phase %s (%d samples); give at least %d", limits.samples(), phase, samplesPerEpoch, samplesPerEpoch));
        }
        if (limits.flops() != null && limits.flops() < flopsPerEpoch) {
            throw new BudgetTooSmall("flops", String.format(java.util.Locale.ROOT, "%.4g FLOPs are less than one epoch of "
                    + "phase %s (%.4g training FLOPs); give at least %.4g", limits.flops(), phase, flopsPerEpoch, flopsPerEpoch));
        }
    }

    /** Counts one finished epoch; returns whether a limit is now reached, which then ends training. */
    boolean spend(String phase, int epoch, int globalEpoch, long epochSamples, double epochFlops, double epochSeconds) {
        samples += epochSamples;
        flops += epochFlops;
        seconds += epochSeconds;
        if (limits == null || stop != null) {
            return stop != null;
        }
        limits.reached(samples, flops, seconds).ifPresent(limit -> stop = new Stop(limit, phase, epoch, globalEpoch));
        return stop != null;
    }

    /**
     * Ends training after this epoch because a limit beyond the run's ran out ({@code study.samples}
     * for a study's budget), as a limit of its own would; a stop already recorded stays.
     */
    void stopBy(String limit, String phase, int epoch, int globalEpoch) {
        if (stop == null) {
            stop = new Stop(limit, phase, epoch, globalEpoch);
        }
    }

    public Spent spent() {
        return new Spent(samples, flops, seconds);
    }

    /** What was spent so far, for a checkpoint. */
    TrainingCheckpoint.BudgetState state() {
        return new TrainingCheckpoint.BudgetState(samples, flops, seconds, stop);
    }

    /** Back to what a checkpoint says was spent. */
    void restore(TrainingCheckpoint.BudgetState state) {
        samples = state.samples();
        flops = state.flops();
        seconds = state.seconds();
        stop = state.stop();
    }

    /** Whether a limit was reached, so no more epochs run. */
    boolean exhausted() {
        return stop != null;
    }

    /** Which limit ended training, if one did. */
    public Optional<Stop> stop() {
        return Optional.ofNullable(stop);
    }

    public long samples() {
        return samples;
    }

    public double flops() {
        return flops;
    }

    public double seconds() {
        return seconds;
    }

    /** A budget too small for one epoch of the first phase: bad input at {@code budget.<limit>}. */
    public static final class BudgetTooSmall extends dev.fulcrum.api.InvalidInputException {

        private final String limit;
        private final String problem;

        BudgetTooSmall(String limit, String problem) {
            super("budget." + limit + ": " + problem);
            this.limit = limit;
            this.problem = problem;
        }

        public String limit() {
            return limit;
        }

        public String problem() {
            return problem;
        }
    }
}
