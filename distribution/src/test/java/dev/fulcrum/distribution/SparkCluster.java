package dev.fulcrum.distribution;

import org.apache.spark.launcher.JavaModuleOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Spark standalone cluster on loopback: a master and workers, each a JVM of its own started
 * from the bundle's Spark jars ({@code org.apache.spark.deploy.master.Master}, {@code ...worker.Worker}).
 * A worker launches its executors from {@code SPARK_HOME/jars}, so the cluster lays out a SPARK_HOME
 * whose {@code jars} is the bundle's {@code lib/spark/}; the driver adds Fulcrum's {@code lib/} to their
 * class path. Every process (executors too) is stopped on {@link #close}, and at JVM exit should a
 * test not get there.
 */
final class SparkCluster implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(90);

    private final Path home;
    private final int port;
    private final Process master;
    private final List<Process> workers = new ArrayList<>();
    private final Thread stopAtExit = new Thread(this::stopAll, "stop the test's Spark cluster");

    private SparkCluster(Path home, int port, Process master) {
        this.home = home;
        this.port = port;
        this.master = master;
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** Starts a master and {@code workers} workers of one core and {@code workerMemory} each, all registered. */
    static SparkCluster start(Path folder, int workers, String workerMemory) throws IOException, InterruptedException {
        Path home = Files.createDirectories(folder.resolve("spark-home"));
        Files.createSymbolicLink(home.resolve("jars"), SparkInstall.sparkJars());
        int port = freePort();
        Process master = java(home, "master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", String.valueOf(port), "--webui-port", String.valueOf(freePort()));
        SparkCluster cluster = new SparkCluster(home, port, master);
        try {
            cluster.awaitLog("master", "I have been elected leader", master);
            for (int i = 1; i <= workers; i++) {
                String name = "worker-" + i;
                Process worker = java(home, name, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                        "--cores", "1", "--memory", workerMemory, "--webui-port", String.valueOf(freePort()),
                        "--work-dir", Files.createDirectories(home.resolve("work-" + i)).toString(), cluster.url());
                cluster.workers.add(worker);
                cluster.awaitLog(name, "Successfully registered with master", worker);
            }
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    String url() {
        return "spark://127.0.0.1:" + port;
    }

    /** Kills a worker and the executors it launched, at once (kill -9), as a machine that died. */
    void kill(int worker) throws InterruptedException {
        Process process = workers.get(worker - 1);
        List<ProcessHandle> executors = process.descendants().toList();
        process.destroyForcibly();
        executors.forEach(ProcessHandle::destroyForcibly);
        process.waitFor();
    }

    /** Whether the executor of {@code worker} runs a task now: its log has started more tasks than it finished. */
    boolean busy(int worker) throws IOException {
        Path work = home.resolve("work-" + worker);
        long started = 0;
        long finished = 0;
        try (var files = Files.walk(work)) {
            for (Path log : files.filter(f -> f.getFileName().toString().equals("stderr")).toList()) {
                String text = Files.readString(log);
                started += text.split("Running task ", -1).length - 1;
                finished += text.split("Finished task ", -1).length - 1;
            }
        }
        return started > finished;
    }

    String log(String name) {
        try {
            return Files.readString(home.resolve(name + ".log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException e) {
            // The JVM is exiting: the hook runs, or ran, this anyway.
        }
    }

    private void stopAll() {
        List<Process> all = new ArrayList<>(workers);
        all.add(master);
        for (Process process : all) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        for (Process process : all) {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Process java(Path home, String name, String main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m"));
        // The module openings Spark's own scripts give its JVMs on Java 17.
        command.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
        command.addAll(List.of("-cp", SparkInstall.sparkJars().resolve("*") + java.io.File.pathSeparator
                        + Launcher.DISTRIBUTION.resolve("lib").resolve("*"), main));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", home.toString());
        // Spark's launcher otherwise looks for a build tree to learn the Scala version of the jars.
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("SPARK_LOCAL_DIRS", Files.createDirectories(home.resolve("local-" + name)).toString());
        return builder.start();
    }

    private void awaitLog(String name, String line, Process process) throws IOException, InterruptedException {
        Instant limit = Instant.now().plus(START_LIMIT);
        while (!Files.readString(home.resolve(name + ".log")).contains(line)) {
            if (!process.isAlive() || Instant.now().isAfter(limit)) {
                throw new IllegalStateException("the Spark " + name + " did not start:\n" + log(name));
            }
            Thread.sleep(100);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
