package dev.fulcrum.benchmarks;

import dev.fulcrum.api.tune.ClaimedTrial;
import dev.fulcrum.api.tune.StudyStorage;
import dev.fulcrum.api.tune.TrialState;
import dev.fulcrum.core.tune.PostgresStudyStorage;
import dev.fulcrum.core.tune.PostgresUrl;
import dev.fulcrum.core.tune.SqliteStudyStorage;
import dev.fulcrum.testkit.PostgresServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static dev.fulcrum.benchmarks.PandasAuditPeer.median;

/**
 * What claiming a trial costs the study's storage: the milliseconds of one {@code claim} (a new
 * trial, its sampler a constant, so that the storage alone is timed; the history it reads grows to
 * the budget), on SQLite (a file on the local disk, WAL) and on a PostgreSQL server on loopback
 * with its default durability (commits reach the disk), with one worker and with four claiming at
 * once (threads, each with a storage of its own: a connection, as a process would have), each
 * finishing its trial right after the claim (no training between: the most contention there can
 * be). Median and 90th percentile over every claim, and the study's claims per second of wall time.
 *
 * <p>Usage, from the repository root: {@code benchmarks/scale/claim [claims]} (default 200).
 */
public final class ClaimBenchmark {

    private ClaimBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int claims = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path folder = Files.createTempDirectory(Path.of(System.getProperty("user.dir")), "claim-benchmark");
        try (PostgresServer server = PostgresServer.start(true)) {
            System.out.printf(Locale.ROOT, "%-11s %-8s %6s %10s %8s %9s%n", "storage", "workers", "claims", "median ms",
                    "p90 ms", "claims/s");
            for (int workers : new int[] {1, 4}) {
                String study = "claims-" + workers;
                Path file = folder.resolve(study + ".db");
                print("SQLite", workers, measure(workers, claims, () -> SqliteStudyStorage.open(file, study)));
                PostgresUrl database = server.createDatabase(study);
                print("PostgreSQL", workers, measure(workers, claims,
                        () -> PostgresStudyStorage.open(database, study, server.login())));
            }
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(Collections.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Each claim's milliseconds, {@code workers} at once claiming the study's {@code claims} trials, and the wall time. */
    private record Timings(List<Double> millis, double seconds) {
    }

    private static Timings measure(int workers, int claims, Supplier<StudyStorage> open) throws Exception {
        try (StudyStorage first = open.get()) {
            first.createIfAbsent("{}");
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<Double>>> timings = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                String worker = "worker-" + w;
                timings.add(pool.submit(() -> {
                    try (StudyStorage storage = open.get()) {
                        start.await();
                        return claimUntilSpent(storage, worker, claims);
                    }
                }));
            }
            long started = System.nanoTime();
            start.countDown();
            List<Double> all = new ArrayList<>();
            for (Future<List<Double>> timing : timings) {
                all.addAll(timing.get());
            }
            if (all.size() != claims) {
                throw new IllegalStateException(all.size() + " claims, not " + claims);
            }
            return new Timings(all, (System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Double> claimUntilSpent(StudyStorage storage, String worker, int claims) {
        List<Double> millis = new ArrayList<>();
        while (true) {
            long started = System.nanoTime();
            Optional<ClaimedTrial> trial = storage.claim(worker, claims, trials -> Map.of("x", 0.5));
            if (trial.isEmpty()) {
                return millis;
            }
            millis.add((System.nanoTime() - started) / 1e6);
            storage.finish(trial.get().number(), TrialState.COMPLETE, Map.of("loss", 1.0), true, null);
        }
    }

    private static void print(String storage, int workers, Timings timings) {
        List<Double> millis = timings.millis();
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        double p90 = sorted.get((int) Math.ceil(0.9 * sorted.size()) - 1);
        System.out.printf(Locale.ROOT, "%-11s %-8d %6d %10.2f %8.2f %9.0f%n", storage, workers, millis.size(), median(millis),
                p90, millis.size() / timings.seconds());
    }
}
