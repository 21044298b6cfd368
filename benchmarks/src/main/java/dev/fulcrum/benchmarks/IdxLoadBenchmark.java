package dev.fulcrum.benchmarks;

import dev.fulcrum.api.data.DataSource;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.RunFolder;
import dev.fulcrum.core.threads.BlasCheck;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code idx} data source's {@code load()} of a Fashion-MNIST-sized training file (60,000 seeded
 * random 28x28 images and labels, written once to the benchmark's work folder) in fresh JVMs, as
 * each {@code fulcrum run} loads it: the host started and ND4J's product check run first, then the
 * load timed alone. With two plugin folders (an {@code idx} jar each, e.g. this tree's and another
 * commit's) the rounds alternate between them, so that two versions of the source compare side by
 * side on the same host.
 *
 * <p>Usage: {@code IdxLoadBenchmark ROUNDS PLUGINS [PLUGINS_B]}
 */
public final class IdxLoadBenchmark {

    private static final Pattern LOADED = Pattern.compile("idx_load_s=([0-9.]+)");
    private static final int IMAGES = 60_000;
    private static final int SIDE = 28;

    private IdxLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--fresh")) {
            System.out.printf(Locale.ROOT, "idx_load_s=%.3f%n", load(Path.of(args[1]), Path.of(args[2]), Path.of(args[3])));
            return;
        }
        int rounds = Integer.parseInt(args[0]);
        List<Path> folders = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            folders.add(Path.of(args[i]).toAbsolutePath());
        }
        Path work = PandasAuditPeer.workFolder();
        Path images = work.resolve("idx-train-images-" + IMAGES);
        Path labels = work.resolve("idx-train-labels-" + IMAGES);
        if (!Files.isRegularFile(images) || !Files.isRegularFile(labels)) {
            write(images, labels);
        }
        List<List<Double>> seconds = new ArrayList<>();
        folders.forEach(folder -> seconds.add(new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (int f = 0; f < folders.size(); f++) {
                seconds.get(f).add(freshJvm(folders.get(f), images, labels));
            }
        }
        System.out.printf(Locale.ROOT, "idx load of %d images of %dx%d in a fresh JVM, %d rounds alternating, 2 cores%n",
                IMAGES, SIDE, SIDE, rounds);
        for (int f = 0; f < folders.size(); f++) {
            System.out.printf(Locale.ROOT, "  %s: median %.3f s, rounds %s%n", folders.get(f), PandasAuditPeer.median(seconds.get(f)),
                    seconds.get(f));
        }
        if (folders.size() == 2) {
            System.out.printf(Locale.ROOT, "  first / second (above 1: the second loads faster): %.2fx%n",
                    PandasAuditPeer.median(seconds.get(0)) / PandasAuditPeer.median(seconds.get(1)));
        }
    }

    /** IDX files as the format gives them (big-endian magic and sizes, then unsigned bytes), seeded. */
    private static void write(Path images, Path labels) throws IOException {
        Random random = new Random(0);
        byte[] pixels = new byte[IMAGES * SIDE * SIDE];
        random.nextBytes(pixels);
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(images))) {
            out.writeInt(0x803);
            out.writeInt(IMAGES);
            out.writeInt(SIDE);
            out.writeInt(SIDE);
            out.write(pixels);
        }
        byte[] classes = new byte[IMAGES];
        for (int i = 0; i < IMAGES; i++) {
            classes[i] = (byte) random.nextInt(10);
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(labels))) {
            out.writeInt(0x801);
            out.writeInt(IMAGES);
            out.write(classes);
        }
    }

    private static double freshJvm(Path plugins, Path images, Path labels) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), IdxLoadBenchmark.class.getName(),
                "--fresh", plugins.toString(), images.toString(), labels.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher loaded = LOADED.matcher(output);
        if (process.waitFor() != 0 || !loaded.find()) {
            throw new IllegalStateException("the fresh JVM failed:\n" + output);
        }
        return Double.parseDouble(loaded.group(1));
    }

    private static double load(Path plugins, Path images, Path labels) throws IOException {
        try (FulcrumHost host = FulcrumHost.start(plugins, Files.createTempDirectory("fulcrum-idx-benchmark-data-"))) {
            BlasCheck.run();
            String params = "{\"images\": \"" + images + "\", \"labels\": \"" + labels + "\"}";
            DataSource source = BenchmarkSources.source(host, "idx", params, images.getParent(),
                    new HostRunContext(0, RunFolder.at(Files.createTempDirectory("fulcrum-idx-benchmark-"))));
            long started = System.nanoTime();
            Dataset dataset = source.load();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (dataset.rows() != IMAGES) {
                throw new IllegalStateException("the idx source read " + dataset.rows() + " rows");
            }
            return seconds;
        }
    }
}
