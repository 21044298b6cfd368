package dev.fulcrum.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures MLP training throughput under each combination of ND4J's OpenMP threads (the
 * {@code OMP_NUM_THREADS} environment variable, fixed at JVM start) and OpenBLAS threads (set
 * in-process), each in a fresh JVM, alternating settings over several rounds so that load from
 * elsewhere on the machine falls on all of them alike. Prints samples/s (median of rounds) and the
 * ratio to the launcher's default.
 *
 * <p>Usage: {@code benchmarks/run ThreadSettingsBenchmark [rounds] [batch]}
 */
public final class ThreadSettingsBenchmark {

    private record Setting(String omp, String blas) {
        String label() {
            return "OMP_NUM_THREADS=" + (omp == null ? "unset" : omp) + ", blas=" + (blas == null ? "auto" : blas);
        }
    }

    private ThreadSettingsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
        String cores = String.valueOf(Runtime.getRuntime().availableProcessors());
        List<Setting> settings = List.of(
                new Setting("1", null),     // bin/fulcrum's default: ND4J on 1 thread, OpenBLAS on all cores
                new Setting("1", "1"),
                new Setting(null, null),    // OMP unset (all cores): the host then gives OpenBLAS 1 thread
                new Setting(null, cores));  // both on all cores: the fight the design notes measured
        Map<Setting, List<Double>> results = new LinkedHashMap<>();
        settings.forEach(s -> results.put(s, new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (Setting setting : settings) {
                results.get(setting).add(measure(setting, batch));
            }
        }
        double baseline = median(results.get(settings.get(0)));
        System.out.printf(Locale.ROOT, "MLP 784-256-128-10, Adam, batch %d, %d rounds, %d cores%n", batch, rounds,
                Runtime.getRuntime().availableProcessors());
        for (Setting setting : settings) {
            double median = median(results.get(setting));
            System.out.printf(Locale.ROOT, "  %-40s %8.0f samples/s  x%.2f of default  %s%n", setting.label(), median,
                    median / baseline, results.get(setting));
        }
    }

    private static double measure(Setting setting, int batch) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.nd4j.log.initialization=false"));
        if (setting.blas() != null) {
            command.add("-D" + dev.fulcrum.core.threads.ThreadSettings.BLAS_THREADS_PROPERTY + "=" + setting.blas());
        }
        command.add(MlpThroughput.class.getName());
        command.add(String.valueOf(batch));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("OMP_NUM_THREADS");
        if (setting.omp() != null) {
            builder.environment().put("OMP_NUM_THREADS", setting.omp());
        }
        Process process = builder.start();
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("samples/s ")) {
                    result = line.substring("samples/s ".length());
                }
            }
        }
        if (process.waitFor() != 0 || result == null) {
            throw new IllegalStateException("measurement failed for " + setting.label());
        }
        return Double.parseDouble(result);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
