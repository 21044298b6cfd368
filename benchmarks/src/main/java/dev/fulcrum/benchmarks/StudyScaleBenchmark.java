package dev.fulcrum.benchmarks;

import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import dev.fulcrum.core.tune.PostgresStudyStorage;
import dev.fulcrum.core.tune.PostgresUrl;
import dev.fulcrum.testkit.PostgresServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The 20-trial study of {@code benchmarks/scale/study.yaml} (the one {@code benchmarks/scale/run} also
 * runs in one process and on a Spark cluster) on PostgreSQL (a server of its own on loopback, its
 * default durability) with one worker, then with two: {@code fulcrum tune} alone, then
 * {@code fulcrum tune} and a {@code fulcrum tune --worker URL} from another runs folder, started as
 * soon as the launcher prints the URL. Each worker is given one core ({@code -Dfulcrum.cores=1}),
 * as a one-core machine would be, so the two-worker study has twice the cores. Wall time from the
 * launcher's start to the last worker's end, and the trials each finished.
 *
 * <p>Usage, from the repository root after building the distribution:
 * {@code benchmarks/scale/study [path/to/bin/fulcrum] [trials] [pipeline]} (defaults
 * distribution/target/fulcrum/bin/fulcrum, 20, benchmarks/scale/study.yaml).
 */
public final class StudyScaleBenchmark {

    private StudyScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path fulcrum = Path.of(args.length > 0 ? args[0] : "distribution/target/fulcrum/bin/fulcrum").toAbsolutePath();
        int trials = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path pipeline = Path.of(args.length > 2 ? args[2] : "benchmarks/scale/study.yaml").toAbsolutePath();
        Path work = Files.createTempDirectory(Path.of(System.getProperty("user.dir")), "study-scale");
        try (PostgresServer server = PostgresServer.start(true)) {
            double one = study(server, fulcrum, pipeline, work, 1, trials);
            double two = study(server, fulcrum, pipeline, work, 2, trials);
            System.out.printf(Locale.ROOT, "wall time, 2 workers / 1 worker: %.2f (%.1fx faster)%n", two / one, one / two);
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(Collections.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Runs the study with {@code workers} workers; prints and returns its wall seconds. */
    private static double study(PostgresServer server, Path fulcrum, Path pipeline, Path work, int workers, int trials) throws Exception {
        PostgresUrl database = server.createDatabase("scale_" + workers);
        Path folder = Files.createDirectories(work.resolve("workers-" + workers));
        Files.copy(pipeline, folder.resolve("scale.yaml"));
        long started = System.nanoTime();
        Process launcher = start(server, fulcrum, folder, "launcher", "tune", "scale.yaml", "--runs", "runs",
                "--set", "tune.trials=" + trials, "--set", "tune.storage=" + database);
        List<Process> processes = new ArrayList<>(List.of(launcher));
        String url = database.withStudy("scale").toString();
        for (int w = 2; w <= workers; w++) {
            while (!Files.readString(folder.resolve("launcher.log")).contains("--worker " + url)) {
                if (!launcher.isAlive()) {
                    throw new IllegalStateException("the launcher ended:\n" + Files.readString(folder.resolve("launcher.log")));
                }
                Thread.sleep(20);
            }
            processes.add(start(server, fulcrum, folder, "worker-" + w, "tune", "--worker", url, "--runs", "runs-" + w));
        }
        for (Process process : processes) {
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("a worker failed; see " + folder);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Integer> byWorker = new TreeMap<>();
        int complete = 0;
        try (PostgresStudyStorage storage = PostgresStudyStorage.join(database.withStudy("scale"), server.login())) {
            for (TrialRecord trial : storage.trials()) {
                byWorker.merge(trial.worker(), 1, Integer::sum);
                complete += trial.state() == TrialState.COMPLETE ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "%d worker(s): %.1f s, %d of %d trials complete, by worker %s%n", workers, seconds,
                complete, trials, byWorker.values());
        return seconds;
    }

    private static Process start(PostgresServer server, Path fulcrum, Path folder, String name, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(fulcrum.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve(name + ".log").toFile());
        builder.environment().putAll(server.loginEnvironment());
        builder.environment().put("FULCRUM_JAVA_OPTS", "-Dfulcrum.cores=1");
        return builder.start();
    }
}
