package dev.fulcrum.core.threads;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * OpenBLAS' threads while one training phase fits its mini-batches. Fixed by {@link
 * ThreadSettings#fittingThreads} unless {@code -Dfulcrum.blas.threads=auto}: then, in one epoch of
 * the phase, blocks of its own mini-batches are timed on one thread and on the process's count,
 * alternated (ABBA, so that a drift in the machine's load falls on both alike), after a block that
 * is not timed, and the faster median block is kept for the rest of the phase. Which is faster
 * depends on what else runs on the cores (measured at batch 128 on 2 cores: one thread faster
 * under load, two threads up to 1.5x faster on an idle machine, README "Threads"), so only a
 * measurement on the spot can tell; the price is that two runs may choose differently, and OpenBLAS
 * on one and two threads rounds differently, so the byte-identical guarantee holds for fixed counts.
 */
public final class FitThreadChoice {

    /** Mini-batches per timed block. */
    static final int BLOCK = 8;
    /** Blocks in the order they run: 1 = one thread, 2 = the process's count. */
    private static final int[] ORDER = {1, 2, 2, 1, 1, 2, 2, 1};
    /** A warm-up block, then the timed ones; a phase's epoch must have one batch more, so each timed one is whole. */
    static final int MEASURED_BATCHES = BLOCK * (ORDER.length + 1);

    private final int fixed;
    private final int many;
    private final int measuringEpoch;
    private final LongSupplier nanoTime;
    private final List<Double> oneRates = new ArrayList<>();
    private final List<Double> manyRates = new ArrayList<>();
    private int chosen;
    private int batch;
    private long blockStarted;

    private FitThreadChoice(int fixed, int many, int measuringEpoch, LongSupplier nanoTime) {
        this.fixed = fixed;
        this.many = many;
        this.measuringEpoch = measuringEpoch;
        this.nanoTime = nanoTime;
        this.chosen = measuringEpoch < 0 ? fixed : 0;
    }

    /**
     * The choice for a phase of {@code epochs} epochs of {@code batchesPerEpoch} mini-batches of
     * {@code batchSize} rows, whose loop starts at epoch {@code firstEpoch} (later than 0 when
     * resumed). It measures in the second epoch (the first runs while the JIT compiles DL4J), or in
     * the first this process runs, where that is later or the only one; not at all where OpenBLAS has
     * one thread, or an epoch has too few batches to time.
     */
    public static FitThreadChoice forPhase(ThreadSettings threads, int batchSize, int batchesPerEpoch, int epochs, int firstEpoch) {
        return of(threads.fittingThreads(batchSize), threads.blasThreads(), threads.measuresFitting(), batchesPerEpoch, epochs,
                firstEpoch, System::nanoTime);
    }

    /** As {@link #forPhase}, from the fixed count, the process's count and whether to measure, timed by {@code nanoTime}. */
    static FitThreadChoice of(int fixed, int many, boolean measure, int batchesPerEpoch, int epochs, int firstEpoch,
                              LongSupplier nanoTime) {
        boolean measurable = measure && many > 1 && batchesPerEpoch > MEASURED_BATCHES;
        int measuringEpoch = Math.max(firstEpoch, Math.min(1, epochs - 1));
        return new FitThreadChoice(fixed, many, measurable && measuringEpoch < epochs ? measuringEpoch : -1, nanoTime);
    }

    /** Whether epoch {@code epoch} of the phase times the thread counts. */
    public boolean measuresIn(int epoch) {
        return epoch == measuringEpoch && chosen == 0;
    }

    /** Threads for the phase's next mini-batch in epoch {@code epoch}. */
    public int threadsNow(int epoch) {
        if (!measuresIn(epoch)) {
            return threads();
        }
        return batch < BLOCK ? many : (ORDER[(batch - BLOCK) / BLOCK] == 1 ? 1 : many);
    }

    /** Called as the measuring epoch starts, before its first mini-batch. */
    public void epochStarted() {
        batch = 0;
        blockStarted = nanoTime.getAsLong();
    }

    /** Called after each mini-batch of the measuring epoch is fitted, with its rows. */
    public void batchDone(int rows) {
        if (chosen != 0) {
            return;
        }
        batch++;
        if (batch % BLOCK != 0) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (batch > BLOCK) {
            double rate = (double) BLOCK * rows / ((now - blockStarted) / 1e9);
            (ORDER[(batch - BLOCK) / BLOCK - 1] == 1 ? oneRates : manyRates).add(rate);
        }
        blockStarted = now;
        if (batch == MEASURED_BATCHES) {
            chosen = median(manyRates) > median(oneRates) ? many : 1;
        }
    }

    /** The threads that fitted most of the phase: the measured choice, else the fixed one. */
    public int threads() {
        return chosen != 0 ? chosen : fixed;
    }

    /** Whether the next mini-batches may be built on a thread of their own: only where a core is left over and nothing is being timed. */
    public boolean prefetch(int cores, int epoch) {
        return !measuresIn(epoch) && threads() < cores;
    }

    /** Samples/s of fitting timed on each count ({@code "1"}, {@code "2"}), medians of the blocks; empty where nothing was timed. */
    public Map<String, Double> measured() {
        Map<String, Double> rates = new LinkedHashMap<>();
        if (!oneRates.isEmpty() && manyRates.size() == oneRates.size() && chosen != 0) {
            rates.put("1", median(oneRates));
            rates.put(String.valueOf(many), median(manyRates));
        }
        return rates;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
