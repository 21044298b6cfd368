package dev.fulcrum.distribution;

import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import dev.fulcrum.testkit.CliResult;
import dev.fulcrum.testkit.StudyRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * fulcrum tune with {@code tune.parallel: {type: spark}} through the real launcher and the real Spark
 * bundle: on {@code local[2]}, on a standalone cluster of two workers one of which is killed mid-study,
 * and the bad input that must stop a study before it writes anything.
 */
class SparkStudyIT {

    /** TuneLauncherIT's study of six trials of the tiny pipeline. */
    private static final String STUDY = TuneLauncherIT.STUDY;

    @TempDir
    Path work;

    private ProcessBuilder tune(Path install, String parallel, String... settings) throws IOException {
        Files.writeString(work.resolve("tiny.yaml"), STUDY + "  parallel: " + parallel + "\n");
        List<String> args = new java.util.ArrayList<>(List.of("tune", "tiny.yaml", "--runs", "runs"));
        for (String setting : settings) {
            args.addAll(List.of("--set", setting));
        }
        return SparkInstall.command(install, work, args.toArray(String[]::new));
    }

    /** Trials 0..n-1, each complete once, each with one run folder that names it. */
    private void assertEachTrialOnce(int count, String output) {
        StudyRecord study = StudyRecord.at(work.resolve("runs"), "tiny");
        List<TrialRecord> trials = study.trials();
        assertEquals(IntStream.range(0, count).boxed().toList(), trials.stream().map(TrialRecord::number).toList(), output);
        assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETE), () -> study.states() + "\n" + output);
        assertEquals(count, study.trialFolders().size(), "one run folder for each trial: " + study.trialFolders());
        for (int number = 0; number < count; number++) {
            assertEquals(number, study.run(number).summary().at("/study/trial").asInt());
            assertTrue(Files.isRegularFile(study.folder().resolve(study.trial(number).runFolder()).resolve("model.zip"))
                    || Files.isRegularFile(study.folder().resolve(study.trial(number).runFolder()).resolve("summary.json")));
        }
    }

    @Test
    void aStudyOnLocalSparkRunsEachTrialOnceAsATaskAndBringsItsRunFolderBack() throws Exception {
        Path install = SparkInstall.create(work.resolve("fulcrum"));
        CliResult result = ChildProcess.run(tune(install, "{type: spark, master: \"local[2]\"}"), Duration.ofMinutes(4))
                .assertExit(0).assertOutContains("trials run on Spark 4.0.1 at local[2]: 2 at once, 1 cores each")
                .assertOutContains("study tiny: 6 of 6 trials done");
        assertEachTrialOnce(6, result.all());
        StudyRecord study = StudyRecord.at(work.resolve("runs"), "tiny");
        var provenance = study.run(3).provenance();
        assertEquals("spark-executor-driver-attempt-0", provenance.at("/study/worker").asText());
        assertEquals(work.resolve("runs/tiny").toRealPath().toString(), Path.of(provenance.at("/study/folder").asText()).toRealPath().toString(),
                "the provenance names the study's folder, not the executor's");
        assertEquals(1, provenance.at("/threads/cores").asInt(), "spark.task.cpus is the trial's thread budget");
        assertFalse(study.trial(4).intermediate().isEmpty(), "each epoch's report came back to the study");
    }

    @Test
    void aStandaloneClusterThatLosesAWorkerMidStudyStillCountsEveryTrialOnce() throws Exception {
        Path install = SparkInstall.create(work.resolve("fulcrum"));
        try (SparkCluster cluster = SparkCluster.start(work, 2, "1g")) {
            Process study = tune(install, "{type: spark, master: \"" + cluster.url() + "\", executor-memory: 700m}",
                    "strategy.epochs=12").redirectErrorStream(true).redirectOutput(work.resolve("tune.log").toFile()).start();
            try {
                // Kill a worker while both executors run a trial, after at least one trial came back.
                Instant limit = Instant.now().plus(Duration.ofMinutes(2));
                while (!(complete(1) && cluster.busy(1) && cluster.busy(2))) {
                    assertTrue(study.isAlive() && Instant.now().isBefore(limit), () -> "the study never had two trials "
                            + "running on two executors:\n" + read("tune.log") + cluster.log("worker-1"));
                    Thread.sleep(100);
                }
                cluster.kill(1);
                assertTrue(study.waitFor(3, java.util.concurrent.TimeUnit.MINUTES), () -> "the study did not end:\n" + read("tune.log"));
                assertEquals(0, study.exitValue(), () -> read("tune.log"));
            } finally {
                study.destroyForcibly().waitFor();
            }
            assertEachTrialOnce(6, read("tune.log"));
            StudyRecord record = StudyRecord.at(work.resolve("runs"), "tiny");
            List<String> workers = IntStream.range(0, 6).mapToObj(record::run)
                    .map(r -> r.provenance().at("/study/worker").asText()).toList();
            assertTrue(workers.stream().anyMatch(worker -> !worker.endsWith("-attempt-0")),
                    () -> "the lost executor's trial ran again as a second attempt, on the other worker: " + workers
                            + "\n" + read("tune.log"));
        }
    }

    private boolean complete(int count) {
        return states().stream().filter(TrialState.COMPLETE::equals).count() >= count;
    }

    private List<TrialState> states() {
        if (!Files.exists(work.resolve("runs/tiny/study.db"))) {
            return List.of();
        }
        try {
            return StudyRecord.at(work.resolve("runs"), "tiny").trials().stream().map(TrialRecord::state).toList();
        } catch (RuntimeException e) {
            // The database is being created or written this instant.
            return List.of();
        }
    }

    private String read(String name) {
        try {
            return Files.readString(work.resolve(name));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void withoutTheSparkBundleAStudyOnSparkStopsWithHowToInstallIt() throws Exception {
        Files.writeString(work.resolve("tiny.yaml"), STUDY + "  parallel: {type: spark, master: \"local[2]\"}\n");
        CliResult result = Launcher.run(work, "tune", "tiny.yaml", "--runs", "runs").assertExit(2)
                .assertErrContains("tune.parallel.type: the Spark runner is not installed: it is the optional Fulcrum Spark "
                        + "bundle; extract fulcrum-spark-<version>.tar.gz into");
        assertFalse(Files.exists(work.resolve("runs/tiny")), "nothing written: " + result.all());
        try (var jars = Files.list(Launcher.DISTRIBUTION.resolve("lib"))) {
            List<String> spark = jars.map(jar -> jar.getFileName().toString())
                    .filter(name -> name.startsWith("spark-") || name.startsWith("scala-") || name.startsWith("fulcrum-spark")).toList();
            assertEquals(List.of(), spark, "the default distribution's lib/ holds no Spark jar");
        }
        assertTrue(Files.isRegularFile(SparkInstall.sparkJars().resolve("spark-core_2.13-4.0.1.jar")));
    }

    @Test
    void aMasterThatDoesNotAnswerOrIsMalformedStopsTheStudyAtOnce() throws Exception {
        Path install = SparkInstall.create(work.resolve("fulcrum"));
        int unused;
        try (ServerSocket socket = new ServerSocket(0)) {
            unused = socket.getLocalPort();
        }
        Instant start = Instant.now();
        CliResult silent = ChildProcess.run(tune(install, "{type: spark, master: \"spark://127.0.0.1:" + unused + "\"}"),
                Duration.ofMinutes(2)).assertExit(2)
                .assertErrContains("tiny.yaml:13: tune.parallel.master: the Spark master spark://127.0.0.1:" + unused
                        + " does not answer (127.0.0.1:" + unused + ": Connection refused)");
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 30, "a bounded wait");
        assertFalse(Files.exists(work.resolve("runs/tiny")), "nothing written: " + silent.all());

        ChildProcess.run(tune(install, "{type: spark, master: \"spark:/host\"}"), Duration.ofMinutes(2)).assertExit(2)
                .assertErrContains("tune.parallel.master: expected local, local[N], local[*], local[N,F] or spark://host:port, "
                        + "got \"spark:/host\"");
        assertFalse(Files.exists(work.resolve("runs/tiny")));
    }
}
