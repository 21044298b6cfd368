package dev.fulcrum.core.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FitThreadChoiceTest {

    private static final int ROWS = 128;
    private final AtomicLong clock = new AtomicLong();

    @Test
    void fitsOnTheFasterCountOfItsOwnMiniBatches() {
        FitThreadChoice choice = FitThreadChoice.of(1, 2, true, 100, 3, 0, clock::get);
        assertFalse(choice.measuresIn(0), "the first epoch runs while the JIT compiles");
        assertEquals(List.of(1), distinct(runEpoch(choice, 0, 100, 4_000_000, 4_000_000)));
        assertTrue(choice.measuresIn(1));

        List<Integer> used = runEpoch(choice, 1, 100, 4_000_000, 2_000_000);

        List<Integer> expected = new ArrayList<>();
        for (int block : new int[] {2, 1, 2, 2, 1, 1, 2, 2, 1}) {
            expected.addAll(List.of(block, block, block, block, block, block, block, block));
        }
        assertEquals(expected, used.subList(0, FitThreadChoice.MEASURED_BATCHES), "a warm-up block, then 1,N,N,1,1,N,N,1");
        assertEquals(List.of(2), distinct(used.subList(FitThreadChoice.MEASURED_BATCHES, used.size())),
                "the rest of the epoch fits on the faster count");
        assertEquals(2, choice.threads());
        assertFalse(choice.measuresIn(2));
        assertEquals(Map.of("1", ROWS / 0.004, "2", ROWS / 0.002), choice.measured());
    }

    @Test
    void keepsOneThreadWhereItIsFaster() {
        FitThreadChoice choice = FitThreadChoice.of(2, 2, true, 80, 1, 0, clock::get);
        assertTrue(choice.measuresIn(0), "a one-epoch phase measures in its only epoch");

        runEpoch(choice, 0, 80, 3_000_000, 5_000_000);

        assertEquals(1, choice.threads());
        assertEquals(ROWS / 0.003, choice.measured().get("1"), 1e-6);
        assertEquals(ROWS / 0.005, choice.measured().get("2"), 1e-6);
    }

    @Test
    void aResumedPhaseMeasuresInTheFirstEpochItRuns() {
        FitThreadChoice choice = FitThreadChoice.of(1, 2, true, 100, 5, 3, clock::get);
        assertFalse(choice.measuresIn(1));
        assertTrue(choice.measuresIn(3));
        assertFalse(FitThreadChoice.of(1, 2, true, 100, 5, 5, clock::get).measuresIn(5), "nothing is left to run");
    }

    @Test
    void keepsTheFixedCountWhereNothingCanBeTimed() {
        int enough = FitThreadChoice.MEASURED_BATCHES + 1;
        assertFixed(FitThreadChoice.of(1, 2, false, 1000, 5, 0, clock::get), 1, "not asked to measure");
        assertFixed(FitThreadChoice.of(1, 1, true, 1000, 5, 0, clock::get), 1, "OpenBLAS has one thread");
        assertFixed(FitThreadChoice.of(2, 2, true, enough - 1, 5, 0, clock::get), 2, "too few mini-batches per epoch to time");
        assertTrue(FitThreadChoice.of(2, 2, true, enough, 5, 0, clock::get).measuresIn(1));
    }

    @Test
    void buildsBatchesAheadOnlyOutsideTheMeasurementAndWhereACoreIsFree() {
        FitThreadChoice choice = FitThreadChoice.of(1, 2, true, 100, 3, 0, clock::get);
        assertTrue(choice.prefetch(2, 0));
        assertFalse(choice.prefetch(2, 1), "batches built beside the timed ones would disturb them");
        runEpoch(choice, 1, 100, 4_000_000, 2_000_000);
        assertFalse(choice.prefetch(2, 2), "two OpenBLAS threads leave no core free");
        assertTrue(choice.prefetch(4, 2));
    }

    private static void assertFixed(FitThreadChoice choice, int threads, String why) {
        for (int epoch = 0; epoch < 5; epoch++) {
            assertFalse(choice.measuresIn(epoch), why);
            assertEquals(threads, choice.threadsNow(epoch), why);
        }
        assertEquals(Map.of(), choice.measured(), why);
    }

    /** Fits {@code batches} mini-batches as the training loop does, each taking the given nanoseconds on 1 or more threads. */
    private List<Integer> runEpoch(FitThreadChoice choice, int epoch, int batches, long oneNanos, long manyNanos) {
        boolean measuring = choice.measuresIn(epoch);
        if (measuring) {
            choice.epochStarted();
        }
        List<Integer> used = new ArrayList<>();
        int threads = choice.threadsNow(epoch);
        for (int b = 0; b < batches; b++) {
            used.add(threads);
            clock.addAndGet(threads == 1 ? oneNanos : manyNanos);
            if (measuring) {
                choice.batchDone(ROWS);
                threads = choice.threadsNow(epoch);
            }
        }
        return used;
    }

    private static List<Integer> distinct(List<Integer> values) {
        return values.stream().distinct().toList();
    }
}
