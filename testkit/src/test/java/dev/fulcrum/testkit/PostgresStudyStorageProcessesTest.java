package dev.fulcrum.testkit;

import dev.fulcrum.core.tune.PostgresStudyStorage;
import dev.fulcrum.core.tune.PostgresUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Four worker processes claiming 100 trials of one study on a real PostgreSQL server at once, as
 * workers on four machines would: no trial claimed twice, none lost, each new one drawn from
 * every trial before it (the worker's sampler gives {@code x} = the trials it saw).
 */
class PostgresStudyStorageProcessesTest {

    private static final int WORKERS = 4;
    private static final int BUDGET = 100;

    @TempDir
    Path folder;

    @Test
    void fourWorkerProcessesClaimingAHundredTrialsAtOnceRunEachOnce() throws Exception {
        PostgresServer server = PostgresServer.shared();
        PostgresUrl database = server.createDatabase("processes");
        try (PostgresStudyStorage storage = PostgresStudyStorage.open(database, "study", server.login())) {
            for (int i = 0; i < BUDGET / 4; i++) {
                storage.enqueue(Map.of("x", (double) i));
            }
        }
        List<Integer> claimed = new ClaimingWorkers(folder, database.toString(), server.loginEnvironment())
                .run(WORKERS, BUDGET);
        try (PostgresStudyStorage storage = PostgresStudyStorage.open(database, "study", server.login())) {
            ClaimingWorkers.assertEveryTrialCompleteOnce(storage, BUDGET, claimed);
            storage.trials().forEach(trial -> org.junit.jupiter.api.Assertions.assertEquals((double) trial.number(),
                    trial.params().get("x"), "trial " + trial.number() + " was drawn from another history"));
        }
    }
}
