package dev.fulcrum.testkit;

import dev.fulcrum.api.tune.ClaimedTrial;
import dev.fulcrum.api.tune.StudyStorage;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every study storage keeps, as Optuna's {@code optuna/testing/pytest_storages.py} runs one
 * suite on each of its storages: a trial goes to one worker, queued trials first; the sampler sees
 * every earlier trial; finished trials and returned records never change; params and metrics come
 * back exactly, NaN and infinities included; a silent trial is re-queued with its number. A
 * storage's test extends this and says how to open a storage of its database.
 */
public abstract class StudyStorageContract {

    private static final Duration CONCURRENT_CLAIMS_LIMIT = Duration.ofMinutes(2);

    /**
     * A storage of study {@code studyName} in this test's database: a new study the first time a
     * name is asked for, the same study (another handle on it, as another worker would hold) after.
     */
    protected abstract StudyStorage open(String studyName);

    @Test
    void aStudyIsCreatedOnceAndKeepsItsFirstDefinition() {
        try (StudyStorage first = open("created-once")) {
            assertTrue(first.createIfAbsent("{\"sampler\":\"tpe\"}"));
            assertFalse(first.createIfAbsent("{\"sampler\":\"random\"}"));
            assertEquals("{\"sampler\":\"tpe\"}", first.definition());
            try (StudyStorage second = open("created-once")) {
                assertFalse(second.createIfAbsent("{\"sampler\":\"grid\"}"));
                assertEquals("{\"sampler\":\"tpe\"}", second.definition());
            }
        }
    }

    @Test
    void queuedTrialsAreClaimedFirstInNumberOrderThenNewOnesAreSuggested() {
        try (StudyStorage storage = open("queued-first")) {
            assertEquals(0, storage.enqueue(Map.of("x", 0.0)));
            assertEquals(1, storage.enqueue(Map.of("x", 1.0)));
            assertEquals(2, storage.enqueue(Map.of("x", 2.0)));
            assertEquals(new ClaimedTrial(0, Map.of("x", 0.0), true), claim(storage, "a", 10));
            assertEquals(new ClaimedTrial(1, Map.of("x", 1.0), true), claim(storage, "b", 10));
            assertEquals(new ClaimedTrial(2, Map.of("x", 2.0), true), claim(storage, "a", 10));
            assertEquals(new ClaimedTrial(3, Map.of("x", 3.0), false), claim(storage, "b", 10));
            List<TrialRecord> trials = storage.trials();
            assertEquals(List.of(0, 1, 2, 3), trials.stream().map(TrialRecord::number).toList());
            assertEquals(List.of("a", "b", "a", "b"), trials.stream().map(TrialRecord::worker).toList());
            trials.forEach(trial -> assertEquals(TrialState.RUNNING, trial.state(), "trial " + trial.number()));
        }
    }

    @Test
    void aClaimSuggestsNoTrialPastTheBudgetButStillHandsOutQueuedOnes() {
        try (StudyStorage storage = open("budget")) {
            storage.enqueue(Map.of("x", -1.0));
            assertTrue(claim(storage, "w", 3).queued());
            assertFalse(claim(storage, "w", 3).queued());
            assertFalse(claim(storage, "w", 3).queued());
            assertEquals(Optional.empty(), storage.claim("w", 3, trials -> {
                throw new AssertionError("the budget of 3 is spent, yet the sampler was asked");
            }));
            assertEquals(3, storage.enqueue(Map.of("x", 3.0)));
            assertEquals(new ClaimedTrial(3, Map.of("x", 3.0), true), claim(storage, "w", 3));
            assertEquals(Optional.empty(), storage.claim("w", 3, trials -> Map.of()));
            assertEquals(4, storage.trials().size());
        }
    }

    @Test
    void theSamplerSeesEveryEarlierTrialRunningOnesIncluded() {
        try (StudyStorage storage = open("history")) {
            int queued = storage.enqueue(Map.of("x", 0.5));
            ClaimedTrial running = claim(storage, "a", 10);
            ClaimedTrial done = claim(storage, "b", 10);
            assertEquals(queued, running.number());
            assertTrue(storage.finish(done.number(), TrialState.COMPLETE, Map.of("loss", 0.25), true, null));
            List<List<TrialRecord>> seen = new ArrayList<>();
            ClaimedTrial third = storage.claim("c", 10, trials -> {
                seen.add(trials);
                return Map.of("x", 2.0);
            }).orElseThrow();
            assertEquals(2, third.number());
            assertEquals(1, seen.size(), "the sampler was asked " + seen.size() + " times for one claim");
            List<TrialRecord> history = seen.get(0);
            assertEquals(List.of(0, 1), history.stream().map(TrialRecord::number).toList());
            assertEquals(TrialState.RUNNING, history.get(0).state());
            assertEquals(Map.of("x", 0.5), history.get(0).params());
            assertEquals(TrialState.COMPLETE, history.get(1).state());
            assertEquals(Map.of("x", 1.0), history.get(1).params());
            assertEquals(Map.of("loss", 0.25), history.get(1).values());
        }
    }

    @Test
    void aSamplerThatFailsLeavesNoTrialBehind() {
        try (StudyStorage storage = open("sampler-fails")) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> storage.claim("w", 10, trials -> {
                        throw new IllegalStateException("no more ideas");
                    }));
            assertEquals("no more ideas", thrown.getMessage());
            assertEquals(List.of(), storage.trials());
            assertEquals(0, claim(storage, "w", 10).number());
        }
    }

    @Test
    void finishingATrialThatIsNotRunningChangesNothingAndSaysSo() {
        try (StudyStorage storage = open("finish-not-running")) {
            int waiting = storage.enqueue(Map.of("x", 1.0));
            assertFalse(storage.finish(waiting, TrialState.COMPLETE, Map.of("loss", 1.0), true, null));
            TrialRecord stillWaiting = storage.trials().get(0);
            assertEquals(TrialState.WAITING, stillWaiting.state());
            assertEquals(Map.of(), stillWaiting.values());
            assertNull(stillWaiting.finished());

            ClaimedTrial trial = claim(storage, "w", 10);
            assertTrue(storage.finish(trial.number(), TrialState.FAILED, Map.of(), true, "NaN loss"));
            assertFalse(storage.finish(trial.number(), TrialState.COMPLETE, Map.of("loss", 0.1), true, null));
            TrialRecord failed = storage.trials().get(0);
            assertEquals(TrialState.FAILED, failed.state());
            assertEquals("NaN loss", failed.error());
            assertEquals(Map.of(), failed.values());
        }
    }

    @Test
    void finishRefusesAStateThatIsNotAnEndAndValuesOrAnErrorWhereTheStateHasNone() {
        try (StudyStorage storage = open("finish-arguments")) {
            int trial = claim(storage, "w", 10).number();
            assertThrows(IllegalArgumentException.class,
                    () -> storage.finish(trial, TrialState.RUNNING, Map.of(), true, null));
            assertThrows(IllegalArgumentException.class,
                    () -> storage.finish(trial, TrialState.PRUNED, Map.of("loss", 1.0), true, null));
            assertThrows(IllegalArgumentException.class,
                    () -> storage.finish(trial, TrialState.COMPLETE, Map.of("loss", 1.0), true, "oops"));
            assertEquals(TrialState.RUNNING, storage.trials().get(0).state());
        }
    }

    @Test
    void finishedTrialsNeverChange() {
        try (StudyStorage storage = open("finished-immutable")) {
            for (TrialState end : List.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAILED)) {
                int number = claim(storage, "w", 10).number();
                storage.setRunFolder(number, "runs/trial-" + number);
                storage.report(number, 1, Map.of("validation.specific.accuracy", 0.5));
                assertTrue(storage.finish(number, end, end == TrialState.COMPLETE ? Map.of("loss", 0.5) : Map.of(),
                        false, end == TrialState.FAILED ? "gate failed" : null));
                TrialRecord finished = storage.trials().get(number);
                assertNotNull(finished.finished(), end.word());

                assertFalse(storage.finish(number, TrialState.COMPLETE, Map.of("loss", 9.0), true, null), end.word());
                assertThrows(IllegalStateException.class, () -> storage.report(number, 2, Map.of("loss", 1.0)), end.word());
                assertThrows(IllegalStateException.class, () -> storage.report(number, 1, Map.of("loss", 1.0)), end.word());
                assertThrows(IllegalStateException.class, () -> storage.setRunFolder(number, "elsewhere"), end.word());
                storage.heartbeat(number);
                assertEquals(List.of(), storage.requeueStale(Duration.ZERO), end.word());
                assertEquals(finished, storage.trials().get(number), end.word());
            }
        }
    }

    @Test
    void aRecordHoldsWhatItsTrialWentThrough() {
        try (StudyStorage storage = open("record")) {
            Instant before = Instant.now().minusMillis(1);
            ClaimedTrial trial = claim(storage, "worker-7", 10);
            storage.setRunFolder(trial.number(), "runs/study/trial-0");
            storage.report(trial.number(), 1, Map.of("validation.specific.accuracy", 0.5));
            assertTrue(storage.finish(trial.number(), TrialState.COMPLETE,
                    Map.of("validation.specific.accuracy", 0.75), false, null));
            Instant after = Instant.now().plusMillis(1);
            TrialRecord record = storage.trials().get(0);
            assertEquals(0, record.number());
            assertEquals(TrialState.COMPLETE, record.state());
            assertEquals(Map.of("x", 0.0), record.params());
            assertEquals(Map.of("validation.specific.accuracy", 0.75), record.values());
            assertFalse(record.feasible());
            assertEquals(Map.of(1, Map.of("validation.specific.accuracy", 0.5)), record.intermediate());
            assertEquals("runs/study/trial-0", record.runFolder());
            assertNull(record.error());
            assertEquals("worker-7", record.worker());
            assertTrue(!record.started().isBefore(before) && !record.started().isAfter(record.finished())
                    && !record.finished().isAfter(after), record.started() + " .. " + record.finished());
        }
    }

    @Test
    void reportsComeBackPerStepWithEveryMetricBitForBit() {
        Map<String, Double> first = new LinkedHashMap<>();
        first.put("validation.specific.accuracy", 0.1 + 0.2);
        first.put("validation.general.accuracy", Double.NaN);
        first.put("validation.specific.loss", Double.POSITIVE_INFINITY);
        first.put("validation.general.loss", Double.NEGATIVE_INFINITY);
        Map<String, Double> second = new LinkedHashMap<>();
        second.put("validation.specific.accuracy", -0.0);
        second.put("validation.general.accuracy", Double.MIN_VALUE);
        second.put("validation.specific.loss", Double.MAX_VALUE);
        second.put("validation.general.loss", 1e-300);
        try (StudyStorage storage = open("reports")) {
            int number = claim(storage, "w", 10).number();
            storage.report(number, 1, Map.of("validation.specific.accuracy", 0.0));
            storage.report(number, 1, first);
            storage.report(number, 3, second);
            TreeMap<Integer, Map<String, Double>> expected = new TreeMap<>(Map.of(1, first, 3, second));
            assertBitForBit(expected, storage.trials().get(0).intermediate());
            assertEquals(3, storage.trials().get(0).lastStep());

            assertTrue(storage.finish(number, TrialState.COMPLETE, first, true, null));
            assertBitForBit(new TreeMap<>(Map.of(0, first)), new TreeMap<>(Map.of(0, storage.trials().get(0).values())));
            assertBitForBit(expected, storage.trials().get(0).intermediate());
        }
    }

    @Test
    void aReportForATrialThatIsNotRunningIsRefused() {
        try (StudyStorage storage = open("report-not-running")) {
            int waiting = storage.enqueue(Map.of("x", 1.0));
            assertThrows(IllegalStateException.class, () -> storage.report(waiting, 1, Map.of("loss", 1.0)));
            assertEquals(Map.of(), storage.trials().get(0).intermediate());
        }
    }

    @Test
    void paramsComeBackWithTheirJavaTypes() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("strategy.epochs", 7L);
        params.put("strategy.learning-rate", 1e-4);
        params.put("strategy.momentum", 1.0);
        params.put("strategy.specific-share", 0.1 + 0.2);
        params.put("strategy.type", "multi-task");
        params.put("strategy.freeze", true);
        params.put("model.hidden", List.of(256L, 128L));
        params.put("augment", Map.of("type", "mixup", "alpha", 0.2, "layers", List.of(1L, 2L),
                "inner", Map.of("on", false)));
        try (StudyStorage storage = open("param-types")) {
            storage.enqueue(params);
            assertEquals(params, claim(storage, "w", 10).params());
            ClaimedTrial suggested = storage.claim("w", 10, trials -> params).orElseThrow();
            assertEquals(params, suggested.params());
            for (TrialRecord trial : storage.trials()) {
                assertEquals(params, trial.params(), "trial " + trial.number());
                assertSameTypes(params, trial.params(), "trial " + trial.number() + ": params");
            }
        }
    }

    /** Scalars of the same class at every place of two equal values (a Long is equal to no Integer, a List to any List). */
    private static void assertSameTypes(Object expected, Object actual, String where) {
        if (expected instanceof List<?> list) {
            List<?> other = (List<?>) actual;
            for (int i = 0; i < list.size(); i++) {
                assertSameTypes(list.get(i), other.get(i), where + "[" + i + "]");
            }
        } else if (expected instanceof Map<?, ?> map) {
            map.forEach((key, value) -> assertSameTypes(value, ((Map<?, ?>) actual).get(key), where + "." + key));
        } else {
            assertEquals(expected.getClass(), actual.getClass(), where);
        }
    }

    @Test
    void aParamThatWouldComeBackAsAnotherTypeIsRefused() {
        try (StudyStorage storage = open("param-refused")) {
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                    () -> storage.enqueue(Map.of("model.hidden", List.of(256L, 128))));
            assertTrue(thrown.getMessage().startsWith("model.hidden[1]: "), thrown.getMessage());
            assertThrows(IllegalArgumentException.class, () -> storage.claim("w", 10, trials -> Map.of("epochs", 3)));
            assertEquals(List.of(), storage.trials());
        }
    }

    @Test
    void staleTrialsWaitAgainWithTheirNumbersAndParamsAndNoReports() throws InterruptedException {
        try (StudyStorage storage = open("stale")) {
            ClaimedTrial silent = claim(storage, "killed", 3);
            ClaimedTrial beating = claim(storage, "alive", 3);
            ClaimedTrial done = claim(storage, "done", 3);
            storage.setRunFolder(silent.number(), "runs/trial-0");
            storage.report(silent.number(), 1, Map.of("loss", 2.0));
            storage.report(silent.number(), 2, Map.of("loss", 1.0));
            assertTrue(storage.finish(done.number(), TrialState.COMPLETE, Map.of("loss", 0.5), true, null));
            Thread.sleep(1500);
            storage.heartbeat(beating.number());
            assertEquals(List.of(silent.number()), storage.requeueStale(Duration.ofMillis(750)));

            TrialRecord requeued = storage.trials().get(silent.number());
            assertEquals(TrialState.WAITING, requeued.state());
            assertEquals(silent.params(), requeued.params());
            assertEquals(Map.of(), requeued.intermediate());
            assertNull(requeued.runFolder());
            assertNull(requeued.worker());
            assertEquals(TrialState.RUNNING, storage.trials().get(beating.number()).state());
            assertEquals(TrialState.COMPLETE, storage.trials().get(done.number()).state());
            assertFalse(storage.finish(silent.number(), TrialState.COMPLETE, Map.of("loss", 0.1), true, null),
                    "the killed worker's late finish");

            assertEquals(new ClaimedTrial(silent.number(), silent.params(), true), claim(storage, "next", 3));
            assertEquals(Optional.empty(), storage.claim("next", 3, trials -> Map.of("x", 9.0)));
            assertEquals(3, storage.trials().size());
        }
    }

    @Test
    void aReturnedRecordDoesNotChangeAfterLaterWrites() {
        try (StudyStorage storage = open("snapshots")) {
            storage.enqueue(Map.of("model.hidden", List.of(64L)));
            ClaimedTrial trial = claim(storage, "w", 10);
            List<TrialRecord> before = storage.trials();
            TrialRecord record = before.get(0);
            storage.report(trial.number(), 1, Map.of("loss", 1.0));
            storage.setRunFolder(trial.number(), "runs/trial-0");
            assertTrue(storage.finish(trial.number(), TrialState.COMPLETE, Map.of("loss", 0.5), true, null));
            claim(storage, "w", 10);

            assertEquals(1, before.size());
            assertEquals(TrialState.RUNNING, record.state());
            assertEquals(Map.of(), record.intermediate());
            assertEquals(Map.of(), record.values());
            assertNull(record.runFolder());
            assertNull(record.finished());
            assertThrows(UnsupportedOperationException.class, () -> before.add(record));
            @SuppressWarnings("unchecked")
            List<Object> hidden = (List<Object>) record.params().get("model.hidden");
            assertThrows(UnsupportedOperationException.class, () -> hidden.add(32L));
            assertEquals(List.of(64L), storage.trials().get(0).params().get("model.hidden"));
        }
    }

    @Test
    void threadsSharingOneStorageGetEveryTrialOnce() throws Exception {
        for (int round = 0; round < 2; round++) {
            try (StudyStorage shared = open("shared-" + round)) {
                assertEveryTrialClaimedOnce("threads sharing one storage, round " + round, round, shared,
                        worker -> shared, false);
            }
        }
    }

    @Test
    void threadsWithAStorageEachGetEveryTrialOnce() throws Exception {
        for (int round = 0; round < 2; round++) {
            String study = "separate-" + round;
            try (StudyStorage first = open(study)) {
                assertEveryTrialClaimedOnce("threads with a storage each, round " + round, round, first,
                        worker -> open(study), true);
            }
        }
    }

    /**
     * Eight workers start claiming at once until a budget of 100 trials is spent, the first 25
     * queued, each finishing what it claims after a pause drawn from {@code seed}: every number is
     * claimed by exactly one worker, queued ones first, and each suggestion saw every trial before
     * it.
     */
    private void assertEveryTrialClaimedOnce(String what, long seed, StudyStorage study,
                                             IntFunction<StudyStorage> storageOf, boolean workersCloseTheirs)
            throws Exception {
        int threads = 8;
        int budget = 100;
        int queued = 25;
        String where = what + " (seed " + seed + ")";
        for (int i = 0; i < queued; i++) {
            study.enqueue(Map.of("seen", -1L));
        }
        long[] pauses = new Random(seed).longs(threads, 0, 3).toArray();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<ClaimedTrial>>> claims = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                int worker = w;
                Callable<List<ClaimedTrial>> work = () -> {
                    StudyStorage storage = storageOf.apply(worker);
                    try {
                        start.await();
                        return claimUntilSpent(storage, "worker-" + worker, budget, pauses[worker], where);
                    } finally {
                        if (workersCloseTheirs) {
                            storage.close();
                        }
                    }
                };
                claims.add(pool.submit(work));
            }
            start.countDown();
            List<Integer> numbers = new ArrayList<>();
            for (Future<List<ClaimedTrial>> claim : claims) {
                for (ClaimedTrial trial : claim.get(CONCURRENT_CLAIMS_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                    numbers.add(trial.number());
                    assertEquals(trial.number() < queued, trial.queued(), where + ": trial " + trial.number());
                }
            }
            Collections.sort(numbers);
            assertEquals(IntStream.range(0, budget).boxed().toList(), numbers, where + ": the numbers claimed");
            List<TrialRecord> trials = study.trials();
            assertEquals(budget, trials.size(), where);
            for (TrialRecord trial : trials) {
                assertEquals(TrialState.COMPLETE, trial.state(), where + ": trial " + trial.number());
                long seen = trial.number() < queued ? -1L : trial.number();
                assertEquals(seen, trial.params().get("seen"), where + ": trial " + trial.number()
                        + " was suggested from another history than every trial before it");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Claims and finishes trials until none is left; new ones get {@code seen} = how many trials the sampler saw. */
    private static List<ClaimedTrial> claimUntilSpent(StudyStorage storage, String worker, int budget, long pauseMillis,
                                                      String where) throws InterruptedException {
        List<ClaimedTrial> mine = new ArrayList<>();
        Optional<ClaimedTrial> next;
        while ((next = storage.claim(worker, budget, trials -> Map.of("seen", (long) trials.size()))).isPresent()) {
            ClaimedTrial trial = next.get();
            mine.add(trial);
            Thread.sleep(pauseMillis);
            if (!storage.finish(trial.number(), TrialState.COMPLETE, Map.of("loss", 1.0), true, null)) {
                throw new AssertionError(where + ": " + worker + " lost trial " + trial.number());
            }
        }
        return mine;
    }

    /** Claims a trial that must come; new trials get {@code x} = their number. */
    private static ClaimedTrial claim(StudyStorage storage, String worker, int maxTrials) {
        return storage.claim(worker, maxTrials, trials -> Map.of("x", (double) trials.size()))
                .orElseThrow(() -> new AssertionError(worker + " got no trial with a budget of " + maxTrials));
    }

    /** Equal maps of metrics whose doubles are equal bit for bit (NaN to NaN, -0.0 apart from 0.0). */
    private static void assertBitForBit(TreeMap<Integer, Map<String, Double>> expected,
                                        Map<Integer, Map<String, Double>> actual) {
        assertEquals(expected.keySet(), actual.keySet(), "steps");
        expected.forEach((step, metrics) -> {
            assertEquals(metrics.keySet(), actual.get(step).keySet(), "step " + step);
            metrics.forEach((name, value) -> assertEquals(Double.doubleToRawLongBits(value),
                    Double.doubleToRawLongBits(actual.get(step).get(name)),
                    "step " + step + ", " + name + ": expected " + value + ", got " + actual.get(step).get(name)));
        });
    }
}
