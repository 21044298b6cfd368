package dev.fulcrum.benchmarks;

import dev.fulcrum.api.data.DataSource;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.core.cli.FulcrumCli;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.RunFolder;
import dev.fulcrum.core.threads.BlasCheck;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.fulcrum.benchmarks.PandasAuditPeer.median;

/**
 * Reading the audit benchmark's CSV (columns y, yhat, a, b; the pandas peer writes it) three ways,
 * side by side: pandas {@code read_csv} (the peer's own timer, a fresh Python each round), the read
 * of {@code fulcrum audit --label y --prediction yhat --sensitive a,b} (the command's own timer;
 * also with its labels turned into class indices, which pandas' typed columns compare with), and
 * the {@code csv} data source's {@code load()} through the real plugin jar on a host (label y,
 * sensitive a and b, feature yhat: a {@code Dataset} with its feature matrix). Rounds alternate the
 * three; Fulcrum's run in this JVM, each on a collected heap (the first round is cold and left out
 * of the medians), then each Fulcrum read runs again in fresh JVMs, as one {@code fulcrum} command
 * would (the data source after ND4J has started, as a run starts it before loading data), each on
 * a CSV cache miss (an empty cache folder of its own, so the miss includes writing the entry) and on
 * a hit (a folder warmed by one read), alternating with the pandas peer in the same rounds. The
 * reads in this JVM run with the cache off: they measure the parse. Last,
 * end to end as a user runs them, {@code fulcrum audit} through the distribution's launcher (with
 * the JVM options it passes; its own read timer and the process's wall time) alternates with the
 * pandas peer's whole process.
 *
 * <p>Usage, from the repository root: {@code benchmarks/run CsvReadBenchmark [rows] [rounds] [peer.py] [bin/fulcrum]}
 * (the launcher's default: {@code distribution/target/fulcrum/bin/fulcrum}, built by
 * {@code mvn -o -pl distribution -am package -DskipTests})
 */
public final class CsvReadBenchmark {

    private static final Pattern AUDIT_TIMES = Pattern.compile("read in ([0-9.]+) s, decided in ([0-9.]+) s");
    private static final Pattern PEER_READ = Pattern.compile("read_s=([0-9.]+)");
    private static final Pattern FRESH_READ = Pattern.compile("fresh_read_s=([0-9.]+)");
    private static final int FRESH_RUNS = 5;
    private static final String CSV_CACHE = "fulcrum.csv.cache";

    private CsvReadBenchmark() {
    }

    /** A whole command's own read time and its process's wall time, in seconds. */
    private record Command(double read, double wall) {
    }

    /** The audit command's read, and its read plus turning labels into class indices. */
    private record AuditRead(double read, double readAndClasses) {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        if (args.length > 0 && args[0].equals("--fresh")) {
            fresh(args[1], Path.of(args[2]), Path.of(args[3]), Integer.parseInt(args[4]));
            return;
        }
        System.setProperty(CSV_CACHE, "off");
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        PandasAuditPeer peer = PandasAuditPeer.fromArgs(args, 2);
        Path launcher = Path.of(args.length > 3 ? args[3] : "distribution/target/fulcrum/bin/fulcrum").toAbsolutePath();
        Path data = peer.data(rows);
        Path plugins = BenchmarkPlugins.folder(PandasAuditPeer.workFolder(), "group-fairness", "csv");
        List<Double> pandas = new ArrayList<>();
        List<AuditRead> audit = new ArrayList<>();
        List<Double> source = new ArrayList<>();
        try (FulcrumHost host = FulcrumHost.start(plugins, PandasAuditPeer.workFolder().resolve("plugin-data"))) {
            for (int round = 0; round < rounds; round++) {
                Matcher read = PEER_READ.matcher(peer.run(data.toString()));
                if (!read.find()) {
                    throw new IllegalStateException("unexpected peer output");
                }
                pandas.add(Double.parseDouble(read.group(1)));
                // Each read starts on a collected heap, not paying for the garbage of the one before,
                // as pandas starts in a fresh process each round.
                System.gc();
                audit.add(auditRead(data, plugins));
                System.gc();
                source.add(sourceRead(host, data, rows));
            }
        }
        List<Double> freshPandas = new ArrayList<>();
        List<Double> freshAudit = new ArrayList<>();
        List<Double> freshSource = new ArrayList<>();
        List<Double> hitAudit = new ArrayList<>();
        List<Double> hitSource = new ArrayList<>();
        Path caches = Files.createTempDirectory(PandasAuditPeer.workFolder(), "csv-cache-");
        Path warmed = caches.resolve("warmed");
        freshJvm("source", data, plugins, rows, warmed.toString());
        for (int run = 0; run < FRESH_RUNS; run++) {
            Matcher read = PEER_READ.matcher(peer.run(data.toString()));
            if (!read.find()) {
                throw new IllegalStateException("unexpected peer output");
            }
            freshPandas.add(Double.parseDouble(read.group(1)));
            freshAudit.add(freshJvm("audit", data, plugins, rows, caches.resolve("audit-miss-" + run).toString()));
            hitAudit.add(freshJvm("audit", data, plugins, rows, warmed.toString()));
            freshSource.add(freshJvm("source", data, plugins, rows, caches.resolve("source-miss-" + run).toString()));
            hitSource.add(freshJvm("source", data, plugins, rows, warmed.toString()));
        }
        deleteTree(caches);

        List<Command> launched = new ArrayList<>();
        List<Command> peerProcess = new ArrayList<>();
        for (int run = 0; Files.isExecutable(launcher) && run < FRESH_RUNS; run++) {
            launched.add(launcherAudit(launcher, data));
            long started = System.nanoTime();
            Matcher read = PEER_READ.matcher(peer.run(data.toString()));
            double wall = (System.nanoTime() - started) / 1e9;
            if (!read.find()) {
                throw new IllegalStateException("unexpected peer output");
            }
            peerProcess.add(new Command(Double.parseDouble(read.group(1)), wall));
        }

        List<AuditRead> warmAudit = audit.subList(1, audit.size());
        double pandasRead = median(pandas);
        double auditRead = median(warmAudit.stream().map(AuditRead::read).toList());
        double auditClasses = median(warmAudit.stream().map(AuditRead::readAndClasses).toList());
        double sourceRead = median(source.subList(1, source.size()));
        System.out.printf(Locale.ROOT, "%d rows (y, yhat, a, b), %d rounds, %d cores%n", rows, rounds, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  pandas %s read_csv: %.3f s (median)%n", PandasAuditPeer.pandasVersion(), pandasRead);
        System.out.printf(Locale.ROOT, "  fulcrum audit read: %.3f s, with labels to classes %.3f s (warm medians)%n", auditRead, auditClasses);
        System.out.printf(Locale.ROOT, "  csv data source load: %.3f s (warm median)%n", sourceRead);
        System.out.printf(Locale.ROOT, "  pandas / fulcrum (above 1: fulcrum reads faster): audit read %.2fx, with classes %.2fx, "
                        + "csv data source %.2fx%n", pandasRead / auditRead, pandasRead / auditClasses, pandasRead / sourceRead);
        double freshPandasRead = median(freshPandas);
        System.out.printf(Locale.ROOT, "  fresh JVM (medians of %d, alternating with pandas, %.3f s): cache miss: audit read %.3f s, "
                        + "csv data source %.3f s; cache hit: audit read %.3f s, csv data source %.3f s%n", FRESH_RUNS, freshPandasRead,
                median(freshAudit), median(freshSource), median(hitAudit), median(hitSource));
        System.out.printf(Locale.ROOT, "  fresh JVM, pandas / fulcrum: cache miss: audit read %.2fx, csv data source %.2fx; "
                        + "cache hit: audit read %.2fx, csv data source %.2fx%n", freshPandasRead / median(freshAudit),
                freshPandasRead / median(freshSource), freshPandasRead / median(hitAudit), freshPandasRead / median(hitSource));
        if (launched.isEmpty()) {
            System.out.println("  no launcher at " + launcher + ": build the distribution to measure fulcrum audit end to end");
        } else {
            double launchedRead = median(launched.stream().map(Command::read).toList());
            double launchedWall = median(launched.stream().map(Command::wall).toList());
            double peerRead = median(peerProcess.stream().map(Command::read).toList());
            double peerWall = median(peerProcess.stream().map(Command::wall).toList());
            System.out.printf(Locale.ROOT, "  end to end (medians of %d, alternating): bin/fulcrum audit read %.3f s, wall %.3f s; "
                            + "pandas peer read %.3f s, wall %.3f s; pandas / fulcrum: read %.2fx, wall %.2fx%n", launched.size(),
                    launchedRead, launchedWall, peerRead, peerWall, peerRead / launchedRead, peerWall / launchedWall);
        }
    }

    /** {@code fulcrum audit} of the file through the launcher, in a process of its own, as a user runs it. */
    private static Command launcherAudit(Path launcher, Path data) throws IOException, InterruptedException {
        ProcessBuilder command = new ProcessBuilder(launcher.toString(), "audit", "--data", data.toString(), "--label", "y",
                "--prediction", "yhat", "--sensitive", "a,b").redirectErrorStream(true);
        // The launcher measures the parse, as the reads in this JVM do; the fresh JVMs above measure the cache.
        String options = command.environment().getOrDefault("FULCRUM_JAVA_OPTS", "");
        command.environment().put("FULCRUM_JAVA_OPTS", (options + " -D" + CSV_CACHE + "=off").strip());
        long started = System.nanoTime();
        Process process = command.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        double wall = (System.nanoTime() - started) / 1e9;
        Matcher times = AUDIT_TIMES.matcher(output);
        if (code != 0 || !times.find()) {
            throw new IllegalStateException("bin/fulcrum audit failed (exit " + code + "):\n" + output);
        }
        return new Command(Double.parseDouble(times.group(1)), wall);
    }

    private static AuditRead auditRead(Path data, Path plugins) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = FulcrumCli.execute(new String[] {"audit", "--data", data.toString(), "--label", "y", "--prediction", "yhat",
                "--sensitive", "a,b", "--plugins", plugins.toString()}, new PrintWriter(stdout, true), new PrintWriter(stderr, true));
        Matcher times = AUDIT_TIMES.matcher(stdout.toString());
        if (code != 0 || !times.find()) {
            throw new IllegalStateException("fulcrum audit failed (exit " + code + "):\n" + stdout + stderr);
        }
        double read = Double.parseDouble(times.group(1));
        return new AuditRead(read, read + Double.parseDouble(times.group(2)));
    }

    /** Seconds for the csv data source to load the file: label y, sensitive a and b, the rest (yhat) a feature. */
    private static double sourceRead(FulcrumHost host, Path data, int rows) throws IOException {
        String params = "{\"path\": \"" + data + "\", \"label\": \"y\", \"sensitive\": [\"a\", \"b\"]}";
        Path scratch = Files.createTempDirectory("fulcrum-csv-benchmark-");
        DataSource source = BenchmarkSources.source(host, "csv", params, data.getParent(), new HostRunContext(0, RunFolder.at(scratch)));
        long started = System.nanoTime();
        Dataset dataset = source.load();
        double seconds = (System.nanoTime() - started) / 1e9;
        scratch.toFile().delete();
        if (dataset.rows() != rows || dataset.features().columns() != 1) {
            throw new IllegalStateException("the csv data source read " + dataset.rows() + " rows of " + dataset.features().columns() + " features");
        }
        return seconds;
    }

    /** One read in a fresh JVM ({@code --fresh audit|source FILE PLUGINS ROWS} in a child process). */
    private static double freshJvm(String what, Path data, Path plugins, int rows, String cache)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-D" + CSV_CACHE + "=" + cache, "-cp", System.getProperty("java.class.path"), CsvReadBenchmark.class.getName(),
                "--fresh", what, data.toString(), plugins.toString(), String.valueOf(rows)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher read = FRESH_READ.matcher(output);
        if (process.waitFor() != 0 || !read.find()) {
            throw new IllegalStateException("the fresh JVM failed:\n" + output);
        }
        return Double.parseDouble(read.group(1));
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void fresh(String what, Path data, Path plugins, int rows) throws IOException {
        double seconds;
        if (what.equals("audit")) {
            seconds = auditRead(data, plugins).read();
        } else {
            try (FulcrumHost host = FulcrumHost.start(plugins, PandasAuditPeer.workFolder().resolve("plugin-data"))) {
                // A run starts ND4J (its matrix-product check) before it loads data; so does this.
                BlasCheck.run();
                seconds = sourceRead(host, data, rows);
            }
        }
        System.out.printf(Locale.ROOT, "fresh_read_s=%.3f%n", seconds);
    }
}
