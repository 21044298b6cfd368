package dev.fulcrum.testkit;

import dev.fulcrum.api.tune.ClaimedTrial;
import dev.fulcrum.api.tune.TrialState;
import dev.fulcrum.core.tune.SqliteStudyStorage;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A worker process of {@link SqliteStudyStorageProcessesTest}: waits for the moment it is given,
 * opens the study, then claims, reports and finishes trials until the budget is spent, printing
 * {@code claimed N} for each. With {@code stall} it claims one trial and hangs, to be killed.
 * Any failure ends it with its stack trace and a non-zero exit.
 *
 * <p>Arguments: database file, study name, worker name, budget, start time (epoch milliseconds),
 * {@code run} or {@code stall}.
 */
public final class ClaimingWorker {

    private ClaimingWorker() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path file = Path.of(args[0]);
        String worker = args[2];
        int budget = Integer.parseInt(args[3]);
        Duration untilStart = Duration.between(Instant.now(), Instant.ofEpochMilli(Long.parseLong(args[4])));
        boolean stall = args[5].equals("stall");
        if (!untilStart.isNegative()) {
            Thread.sleep(untilStart.toMillis());
        }
        try (SqliteStudyStorage storage = SqliteStudyStorage.open(file, args[1])) {
            storage.createIfAbsent("{\"objectives\":[\"loss\"]}");
            Optional<ClaimedTrial> next;
            while ((next = storage.claim(worker, budget, trials -> Map.of("x", (double) trials.size()))).isPresent()) {
                int number = next.get().number();
                System.out.println("claimed " + number);
                System.out.flush();
                if (stall) {
                    Thread.sleep(Long.MAX_VALUE);
                }
                storage.report(number, 1, Map.of("loss", number + 0.5));
                storage.heartbeat(number);
                if (!storage.finish(number, TrialState.COMPLETE, Map.of("loss", (double) number), true, null)) {
                    throw new IllegalStateException(worker + " lost trial " + number);
                }
            }
        }
    }
}
