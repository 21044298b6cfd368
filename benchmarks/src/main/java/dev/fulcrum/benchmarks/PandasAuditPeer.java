package dev.fulcrum.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The pandas peer of the audit benchmarks ({@code shared/peers/pandas_audit.py}), run in a fresh
 * {@code /usr/bin/python3} each time, and the seeded CSV it writes (columns y, yhat, a, b).
 */
final class PandasAuditPeer {

    private final Path script;

    PandasAuditPeer(Path script) {
        this.script = script.toAbsolutePath().normalize();
    }

    /** The peer named by an optional argument, else the default beside the repository. */
    static PandasAuditPeer fromArgs(String[] args, int index) {
        return new PandasAuditPeer(Path.of(args.length > index ? args[index] : "../shared/peers/pandas_audit.py"));
    }

    /** The benchmark's work folder, shared by the audit benchmarks so the data file is written once. */
    static Path workFolder() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "fulcrum-audit-benchmark"));
    }

    /** The seeded file of {@code rows} rows in the work folder, written by the peer if absent. */
    Path data(int rows) throws IOException, InterruptedException {
        Path data = workFolder().resolve("audit-" + rows + ".csv");
        if (!Files.isRegularFile(data)) {
            run(data.toString(), "--make", String.valueOf(rows));
        }
        return data;
    }

    /** Runs the peer with arguments; returns its output, or fails with it. */
    String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", script.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                output.append(line).append('\n');
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the peer failed:\n" + output);
        }
        return output.toString();
    }

    static String pandasVersion() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("/usr/bin/python3", "-c", "import pandas; print(pandas.__version__)").start();
        String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        return version;
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
