package dev.fulcrum.spark;

import dev.fulcrum.core.threads.ThreadSettings;
import dev.fulcrum.core.tune.ClusterSpec;
import dev.fulcrum.core.tune.TrialEngine;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code tune.parallel: {type: spark, master: ...}}: this process becomes a Spark driver, ships the
 * plugins folder's files to the executors ({@code SparkContext.addFile}) and runs each trial as a
 * one-partition job ({@link SparkTrialSession}). Executors take the Fulcrum host's classes from
 * {@code spark.executor.extraClassPath}, which defaults to this install's {@code lib/}: the same
 * install path on every machine of the cluster (docs/scale.md).
 */
public final class SparkTrialEngine implements TrialEngine {

    /** How long one TCP probe of a standalone master may take, within the connect timeout. */
    private static final Duration PROBE = Duration.ofSeconds(5);

    @Override
    public String type() {
        return "spark";
    }

    @Override
    public Session connect(ClusterSpec spec, String study, Path plugins) {
        SparkSettings settings = SparkSettings.read(spec);
        if (!settings.local()) {
            probe(spec, settings);
        } else {
            // Local tasks run in this JVM: its trials' thread budget is theirs.
            System.setProperty(ThreadSettings.CORES_PROPERTY, String.valueOf(settings.cores()));
        }
        List<String> files = pluginFiles(plugins);
        JavaSparkContext context;
        try {
            context = new JavaSparkContext(conf(settings, study));
        } catch (RuntimeException e) {
            throw spec.error("master", "Spark did not start on " + settings.master() + ": " + firstLine(e));
        }
        try {
            files.forEach(context::addFile);
            if (!settings.local()) {
                awaitExecutor(spec, settings, context);
            }
        } catch (RuntimeException e) {
            context.stop();
            throw e;
        }
        return new SparkTrialSession(context, settings, files.stream().map(f -> Path.of(f).getFileName().toString()).toList());
    }

    private static SparkConf conf(SparkSettings settings, String study) {
        SparkConf conf = new SparkConf().setMaster(settings.master()).setAppName("fulcrum tune " + study)
                .set("spark.task.cpus", String.valueOf(settings.cores()))
                .set("spark.executor.memory", settings.executorMemory())
                // bin/fulcrum's default (README, "Threads"): ND4J's OpenMP gets one thread, OpenBLAS the trial's cores.
                .set("spark.executorEnv.OMP_NUM_THREADS", "1")
                .set("spark.executor.extraJavaOptions", "-D" + ThreadSettings.CORES_PROPERTY + "=" + settings.cores())
                .set("spark.ui.enabled", "false");
        if (!settings.local()) {
            conf.set("spark.executor.extraClassPath", executorClassPath());
        }
        if (settings.local() || settings.masters().stream().allMatch(SparkTrialEngine::loopback)) {
            // A study on this machine stays on loopback, whatever address the host name resolves to.
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        }
        settings.conf().forEach(conf::set);
        return conf;
    }

    /**
     * The driver's class path as bin/fulcrum laid it ({@code lib/spark/*} before {@code lib/*}), which executors load
     * the Fulcrum host and this module from: the install must lie at the same path on every machine.
     */
    private static String executorClassPath() {
        String home = System.getProperty("fulcrum.home");
        return home == null ? System.getProperty("java.class.path")
                : Path.of(home, "lib", "spark", "*") + java.io.File.pathSeparator + Path.of(home, "lib", "*");
    }

    private static boolean loopback(String hostPort) {
        String host = hostPort.substring(0, hostPort.lastIndexOf(':'));
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    /** A master that does not take a TCP connection stops the study at once, not after Spark's minute of retries. */
    private static void probe(ClusterSpec spec, SparkSettings settings) {
        List<String> failures = new ArrayList<>();
        for (String hostPort : settings.masters()) {
            int colon = hostPort.lastIndexOf(':');
            int millis = (int) Math.min(PROBE.toMillis(), settings.connectTimeout().toMillis());
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))), millis);
                return;
            } catch (IOException e) {
                failures.add(hostPort + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        throw spec.error("master", "the Spark master " + settings.master() + " does not answer (" + String.join("; ", failures)
                + "); is it running, and is this the host and port it listens on?");
    }

    /** Waits, within the connect timeout, for a first executor; the master may take the application and have no worker. */
    private static void awaitExecutor(ClusterSpec spec, SparkSettings settings, JavaSparkContext context) {
        Instant limit = Instant.now().plus(settings.connectTimeout());
        // The driver counts as one of the executors the status tracker lists.
        while (context.sc().statusTracker().getExecutorInfos().length < 2) {
            if (context.sc().isStopped()) {
                throw spec.error("master", "the Spark master " + settings.master() + " refused or dropped the application; "
                        + "see its log");
            }
            if (Instant.now().isAfter(limit)) {
                throw spec.error("master", "no Spark executor registered within " + settings.connectTimeout().toSeconds()
                        + " s (tune.parallel.connect-timeout): does the cluster at " + settings.master() + " have a worker with "
                        + settings.cores() + " free cores and " + settings.executorMemory() + " of memory?");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Spark executors", e);
            }
        }
    }

    /** Every file of the plugins folder: the jars, and the plugin lock where there is one. */
    private static List<String> pluginFiles(Path plugins) {
        try (Stream<Path> files = Files.list(plugins)) {
            return files.filter(Files::isRegularFile).map(f -> f.toAbsolutePath().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the plugins folder " + plugins, e);
        }
    }

    static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
