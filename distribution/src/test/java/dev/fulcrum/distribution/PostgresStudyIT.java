package dev.fulcrum.distribution;

import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import dev.fulcrum.core.FulcrumVersion;
import dev.fulcrum.core.tune.PostgresStudyStorage;
import dev.fulcrum.core.tune.PostgresUrl;
import dev.fulcrum.testkit.CliResult;
import dev.fulcrum.testkit.PostgresServer;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.StudyRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A study on a real PostgreSQL server through the real launcher: {@code fulcrum tune} with
 * {@code tune.storage} starts it, a worker that has no pipeline file joins it with
 * {@code fulcrum tune --worker URL} from a runs folder of its own, as from another machine, and
 * every trial counts once; and bad input ends in one line and exit 2 through the launcher (the
 * storage's own tests have every message; these show each kind reaches the command line).
 */
class PostgresStudyIT {

    private static final Duration LIMIT = Duration.ofMinutes(5);
    private static final String SHORT_HEARTBEAT = "-Dfulcrum.tune.heartbeat=300ms -Dfulcrum.tune.stale-after=3s";
    private static final int TRIALS = 8;
    private static PostgresServer server;
    private static PostgresUrl database;

    @TempDir
    Path work;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.shared();
        database = server.createDatabase("tune_it");
    }

    private void writePipeline(String storage) throws IOException {
        Files.writeString(work.resolve("tiny.yaml"), Launcher.TINY_PIPELINE.replace("epochs: 2", "epochs: 6") + """
                tune:
                  objectives:
                    - {metric: validation.specific.accuracy, direction: max}
                  parameters:
                    strategy.learning-rate: {float: [0.0005, 0.05], log: true}
                  trials: %d
                  storage: %s
                """.formatted(TRIALS, storage));
    }

    private ProcessBuilder fulcrum(Map<String, String> environment, String... args) {
        ProcessBuilder builder = Launcher.command(work, args);
        builder.environment().put("FULCRUM_JAVA_OPTS", SHORT_HEARTBEAT);
        builder.environment().remove("PGPASSWORD");
        builder.environment().putAll(environment);
        return builder;
    }

    private CliResult run(Map<String, String> environment, String... args) throws Exception {
        return ChildProcess.run(fulcrum(environment, args), LIMIT);
    }

    @Test
    void aWorkerWithoutThePipelineJoinsTheStudyAndEveryTrialCountsOnce() throws Exception {
        Path plugins = Launcher.copyOfBundledPlugins(work);
        Launcher.run(work, "plugins", "--lock", "--plugins", plugins.toString()).assertExit(0);
        Path otherPlugins = Files.createDirectories(work.resolve("other-plugins"));
        for (Path jar : Launcher.pluginJars()) {
            Files.copy(jar, otherPlugins.resolve(jar.getFileName()));
        }
        Launcher.run(work, "plugins", "--lock", "--plugins", otherPlugins.toString()).assertExit(0);
        Files.writeString(otherPlugins.resolve("plugins.lock"), "# pinned on another day\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        writePipeline(database.toString());
        // trials long enough that the launcher cannot finish all of them before the worker has started its JVM
        Path pipeline = work.resolve("tiny.yaml");
        Files.writeString(pipeline, Files.readString(pipeline).replace("epochs: 6", "epochs: 12"));
        PostgresUrl study = database.withStudy("tiny");

        Path launcherLog = work.resolve("launcher.log");
        Process launcher = fulcrum(server.loginEnvironment(), "tune", "tiny.yaml", "--runs", "runs", "--plugins",
                plugins.toString()).redirectErrorStream(true).redirectOutput(launcherLog.toFile()).start();
        Process worker = null;
        try {
            String joinWith = "join it with: fulcrum tune --worker " + study;
            Instant limit = Instant.now().plus(LIMIT);
            while (!Files.readString(launcherLog).contains(joinWith)) {
                assertTrue(launcher.isAlive() && Instant.now().isBefore(limit), () -> "the launcher never said how to join:\n"
                        + read(launcherLog));
                Thread.sleep(50);
            }

            // The worker starts at once, so that it joins while trials are left (the refused one below takes a JVM's start).
            Path workerLog = work.resolve("worker.log");
            worker = fulcrum(server.loginEnvironment(), "tune", "--worker", study.toString(), "--runs", "runs-b",
                    "--plugins", plugins.toString()).redirectErrorStream(true).redirectOutput(workerLog.toFile()).start();
            CliResult refused = run(server.loginEnvironment(), "tune", "--worker", study.toString(), "--runs", "runs-c",
                    "--plugins", otherPlugins.toString()).assertExit(2);
            String launcherLock = dev.fulcrum.core.run.Digests.sha256(plugins.resolve("plugins.lock"));
            String workerLock = dev.fulcrum.core.run.Digests.sha256(otherPlugins.resolve("plugins.lock"));
            assertEquals("error: " + study + ": this worker's plugins are not the study's: the launcher's plugins.lock has "
                    + "SHA-256 " + launcherLock + ", this worker's (" + otherPlugins.toAbsolutePath() + ") has " + workerLock
                    + "; install the same plugins (copy the launcher's plugins folder and its lock)", refused.err().strip());

            assertTrue(worker.waitFor(LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS), read(workerLog));
            assertEquals(0, worker.exitValue(), read(workerLog));
            assertTrue(read(workerLog).contains("joined study tiny on " + database), read(workerLog));
            assertTrue(launcher.waitFor(LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS), read(launcherLog));
            assertEquals(0, launcher.exitValue(), read(launcherLog) + "\n--- worker\n" + read(workerLog));

            List<TrialRecord> trials;
            try (PostgresStudyStorage storage = PostgresStudyStorage.join(study, server.login())) {
                trials = storage.trials();
            }
            String said = read(launcherLog) + "\n--- worker\n" + read(workerLog);
            assertEquals(IntStream.range(0, TRIALS).boxed().toList(), trials.stream().map(TrialRecord::number).toList(), said);
            assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETE), said);
            Map<String, Long> byWorker = trials.stream().collect(Collectors.groupingBy(TrialRecord::worker, Collectors.counting()));
            assertEquals(2, byWorker.size(), "both the launcher and the joined worker ran trials: " + byWorker);

            // A study folder without study.db: the trials live on the server.
            StudyRecord here = StudyRecord.inFolder(work.resolve("runs/tiny"), "tiny");
            StudyRecord there = StudyRecord.inFolder(work.resolve("runs-b/tiny"), "tiny");
            assertFalse(Files.exists(here.folder().resolve("study.db")));
            assertEquals(TRIALS, here.trialFolders().size() + there.trialFolders().size(),
                    "each trial ran once, in the runs folder of the worker that ran it: " + here.trialFolders() + " "
                            + there.trialFolders());
            assertFalse(there.trialFolders().isEmpty());
            assertTrue(Files.isRegularFile(there.folder().resolve("trials.csv")), "the joined worker wrote the outputs too");
            for (TrialRecord trial : trials) {
                Path folder = (Files.isDirectory(here.folder().resolve(trial.runFolder())) ? here : there).folder()
                        .resolve(trial.runFolder());
                RunRecord run = RunRecord.at(folder);
                assertEquals(trial.number(), run.summary().at("/study/trial").asInt());
                assertEquals(study.toString(), run.provenance().at("/study/storage").asText());
                assertFalse(Files.readString(folder.resolve("provenance.json")).contains(PostgresServer.PASSWORD));
            }
            assertFalse(Files.readString(launcherLog).contains(PostgresServer.PASSWORD));
            assertFalse(read(workerLog).contains(PostgresServer.PASSWORD));
            run(server.loginEnvironment(), "tune", "--status", study.toString(), "--runs", "runs").assertExit(0)
                    .assertOutContains("study tiny: " + TRIALS + " trials: " + TRIALS + " complete");
            assertTrue(Files.readString(here.folder().resolve("trials.csv")).lines().count() > TRIALS);
            assertTrue(Files.isRegularFile(here.folder().resolve("best.yaml")) || Files.isRegularFile(there.folder()
                    .resolve("best.yaml")), "the machine that ran the selected trial has best.yaml");
        } finally {
            launcher.destroyForcibly().waitFor();
            if (worker != null) {
                worker.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void workerProcessesOfParallelShareTheStudyOnTheServer() throws Exception {
        PostgresUrl local = server.createDatabase("parallel_it");
        writePipeline(local.toString());
        CliResult result = run(server.loginEnvironment(), "tune", "tiny.yaml", "--runs", "runs", "--set", "tune.parallel=2",
                "--set", "tune.trials=4", "--set", "strategy.epochs=2").assertExit(0).assertOutContains("2 worker processes, ");
        try (PostgresStudyStorage storage = PostgresStudyStorage.join(local.withStudy("tiny"), server.login())) {
            List<TrialRecord> trials = storage.trials();
            assertEquals(List.of(0, 1, 2, 3), trials.stream().map(TrialRecord::number).toList(), result.all());
            assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETE), result.all());
        }
        assertEquals(4, StudyRecord.inFolder(work.resolve("runs/tiny"), "tiny").trialFolders().size());
    }

    @Test
    void eachBadStudyUrlOrDatabaseEndsInOneLineAndExit2() throws Exception {
        Map<String, String> login = server.loginEnvironment();
        assertRefused(login, "--worker mysql://db/studies: expected postgresql://host[:port]/database, got \"mysql://db/studies\"",
                "tune", "--worker", "mysql://db/studies");
        assertRefused(login, "--worker " + database + ": names no study; add ?study=NAME (fulcrum tune prints the URL to join "
                + "when it starts a study on PostgreSQL)", "tune", "--worker", database.toString());
        assertRefused(Map.of("PGUSER", PostgresServer.USER, "PGPASSWORD", "wrong"), "the study database " + database
                + " refused user fulcrum: FATAL: password authentication failed for user \"fulcrum\" (credentials come from "
                + "PGUSER and PGPASSWORD, or PGPASSFILE / ~/.pgpass)", "tune", "--worker", database.withStudy("tiny").toString());
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        PostgresUrl nobody = PostgresUrl.parse("postgresql://127.0.0.1:" + port + "/studies");
        assertRefused(login, "cannot reach the study database " + nobody + ": connection refused (is PostgreSQL running "
                + "there, listening on port " + port + "?)", "tune", "--worker", nobody.withStudy("tiny").toString());

        PostgresUrl newer = server.createDatabase("newer_cli");
        PostgresStudyStorage.open(newer, "tiny", server.login()).close();
        server.sql("newer_cli", "UPDATE fulcrum.schema_version SET schema_version = 9");
        writePipeline(newer.toString());
        assertRefused(login, newer + ": schema version 9 of this study database is newer than this Fulcrum ("
                + FulcrumVersion.fulcrum() + ") supports (1); join it with the Fulcrum that made it, or a newer one",
                "tune", "tiny.yaml", "--runs", "runs");

        writePipeline("postgresql://me:pw@db/studies");
        CliResult credentials = run(login, "tune", "tiny.yaml", "--runs", "runs").assertExit(2);
        assertTrue(credentials.err().strip().matches("error: tiny\\.yaml:\\d+: tune\\.storage: a user or password does not "
                + "go in the URL .*"), credentials.err());
        assertFalse(credentials.all().contains(":pw@"), "the refusal repeats no password: " + credentials.all());
        assertFalse(Files.exists(work.resolve("runs/tiny")), "nothing was written");
    }

    private void assertRefused(Map<String, String> environment, String message, String... args) throws Exception {
        CliResult result = run(environment, args).assertExit(2);
        assertEquals("error: " + message, result.err().strip(), result.all());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
