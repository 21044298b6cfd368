package dev.fulcrum.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.model.ModelSpec;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.core.cli.ConsoleProgress;
import dev.fulcrum.core.cli.FulcrumCli;
import dev.fulcrum.core.config.PipelineConfig;
import dev.fulcrum.core.config.PipelineConfigReader;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.pipeline.PipelineLauncher;
import dev.fulcrum.core.pipeline.PipelineResolver;
import dev.fulcrum.core.pipeline.ResolvedPipeline;
import dev.fulcrum.core.pipeline.RunOutcome;
import dev.fulcrum.core.pipeline.RunStatus;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.run.RunFolder;
import dev.fulcrum.core.threads.NativeBuild;
import dev.fulcrum.core.threads.ThreadSettings;
import dev.fulcrum.runtime.Seeds;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Training throughput of the {@code supervised} strategy through the whole pipeline against a plain
 * DL4J loop on the same network (built by the same {@code mlp} plugin), the same Fashion-MNIST rows
 * and the same batch size, in one JVM with the launcher's native choices ({@code NativeBuild}); then the
 * same network in PyTorch ({@code benchmarks/speed/torch_speed.py throughput}) on the same machine. The plain
 * loop and PyTorch each run on one and on two threads and are credited with the faster; the pipeline
 * runs as it chooses. On a shared machine
 * the load from elsewhere moves speeds by tens of percent from one minute to the next, so the two are
 * measured in many short rounds (one epoch each, the order swapped every round) and the ratio is the
 * median of the per-round ratios. The pipeline's own work is also measured inside its epochs, batch by
 * batch ({@code batching_seconds} in {@code metrics.jsonl}), which the load cannot skew. The pipeline's figure is its fitting time per
 * epoch (what {@code metrics.jsonl} reports as {@code samples_per_second}: cutting mini-batches and
 * fitting them), set against the plain loop's {@code fit} calls alone; whole epochs are reported too.
 * Each round also trains the pipeline for three epochs with {@code -Dfulcrum.blas.threads=auto}, which
 * times its own mini-batches on one and two threads in its second epoch and fits the third on the
 * faster; its third epoch is set against the same round's plain loop.
 *
 * <p>Usage: {@code benchmarks/run PipelineOverheadBenchmark PLUGINS_DIR [rows-per-class] [rounds] [batch]}
 */
public final class PipelineOverheadBenchmark {

    private static final String FASHION = "/usr/share/datasets/fashion-mnist/";
    private static final Path TORCH = Path.of("benchmarks/speed/torch_speed.py");
    private static final long SEED = 1;

    private PipelineOverheadBenchmark() {
    }

    /**
     * One run's median epoch speeds: while fitting only (for the pipeline: cutting mini-batches and
     * fitting them; for the plain loop: the {@code fit} calls alone), and over whole epochs (the
     * pipeline's validation, the plain loop's shuffle and {@code batchBy}).
     */
    private record Speed(double fit, double epoch) {
    }

    /** A pipeline run's speed, and the seconds it spent building batches and fitting in all. */
    private record PipelineRun(Speed speed, double batchingSeconds, double fitSeconds) {
    }

    /** A {@code -Dfulcrum.blas.threads=auto} run: its measuring epoch's and last epoch's fitting speed, and the count it chose. */
    private record AutoRun(double measuringFit, double lastFit, int chosen) {
    }

    public static void main(String[] args) throws Exception {
        FulcrumCli.prepareProcess();
        Path plugins = Path.of(args[0]);
        int perClass = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 9;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 128;
        ThreadSettings threads = ThreadSettings.apply();
        Path work = Files.createTempDirectory("fulcrum-overhead-");
        Path pipelineFile = Files.writeString(work.resolve("throughput.yaml"), pipeline(perClass, batch));
        List<Speed> pipelineSpeeds = new ArrayList<>();
        double batching = 0;
        double fitting = 0;
        List<Speed> plainOne = new ArrayList<>();
        List<Speed> plainAll = new ArrayList<>();
        List<AutoRun> autoRuns = new ArrayList<>();
        try (FulcrumHost host = FulcrumHost.start(plugins, work.resolve("plugin-data"))) {
            PipelineConfig config = PipelineConfigReader.read(pipelineFile, List.of(), null);
            PipelineConfig autoConfig = PipelineConfigReader.read(pipelineFile, List.of("strategy.epochs=3"), null);
            // one unmeasured epoch of each first, so that neither pays for JIT compilation and native set-up
            runPipeline(host, config, work.resolve("runs"));
            runPlainLoop(host, config, work, batch);
            for (int round = 0; round < rounds; round++) {
                if (round % 2 == 1) {
                    plainRound(host, config, work, batch, threads, plainOne, plainAll);
                    autoRuns.add(runAuto(host, autoConfig, work.resolve("runs")));
                }
                PipelineRun run = runPipeline(host, config, work.resolve("runs"));
                pipelineSpeeds.add(run.speed());
                batching += run.batchingSeconds();
                fitting += run.fitSeconds();
                if (round % 2 == 0) {
                    autoRuns.add(runAuto(host, autoConfig, work.resolve("runs")));
                    plainRound(host, config, work, batch, threads, plainOne, plainAll);
                }
                AutoRun auto = autoRuns.get(round);
                System.out.printf(Locale.ROOT, "round %d: pipeline %.0f samples/s fitting (%.0f whole epochs), "
                                + "plain DL4J %.0f (1 OpenBLAS thread) and %.0f (%d) samples/s fitting; "
                                + "pipeline with auto threads %.0f after choosing %d (%.0f while measuring)%n", round + 1,
                        pipelineSpeeds.get(round).fit(), pipelineSpeeds.get(round).epoch(), plainOne.get(round).fit(),
                        plainAll.get(round).fit(), threads.blasThreads(), auto.lastFit(), auto.chosen(), auto.measuringFit());
            }
        }
        double pipelineFit = median(pipelineSpeeds, Speed::fit);
        double pipelineEpoch = median(pipelineSpeeds, Speed::epoch);
        boolean oneIsFaster = median(plainOne, Speed::fit) >= median(plainAll, Speed::fit);
        List<Speed> plainSpeeds = oneIsFaster ? plainOne : plainAll;
        double plainFit = median(plainSpeeds, Speed::fit);
        double plainEpoch = median(plainSpeeds, Speed::epoch);
        List<Double> fitRatios = new ArrayList<>();
        List<Double> epochRatios = new ArrayList<>();
        List<Double> autoRatios = new ArrayList<>();
        List<Double> autoToFixed = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            double plainBest = Math.max(plainOne.get(round).fit(), plainAll.get(round).fit());
            autoRatios.add(autoRuns.get(round).lastFit() / plainBest);
            autoToFixed.add(autoRuns.get(round).lastFit() / pipelineSpeeds.get(round).fit());
            fitRatios.add(pipelineSpeeds.get(round).fit() / plainSpeeds.get(round).fit());
            epochRatios.add(pipelineSpeeds.get(round).epoch() / plainSpeeds.get(round).epoch());
        }
        long choseMany = autoRuns.stream().filter(run -> run.chosen() > 1).count();
        System.out.printf(Locale.ROOT, "  pipeline, auto threads, 3rd epoch %8.0f samples/s  median ratio to the round's faster plain setting x%.3f, "
                        + "to the pipeline's fixed rule x%.3f; chose %d threads in %d of %d rounds, 1 in the others; "
                        + "its measuring epoch %.0f samples/s; per round %s%n",
                ThreadSettingsBenchmark.median(autoRuns.stream().map(AutoRun::lastFit).toList()), ThreadSettingsBenchmark.median(autoRatios),
                ThreadSettingsBenchmark.median(autoToFixed), threads.blasThreads(), choseMany, rounds,
                ThreadSettingsBenchmark.median(autoRuns.stream().map(AutoRun::measuringFit).toList()), rounded(autoRatios));
        double torchOne = runTorch(batch, 1, 10 * perClass);
        double torchTwo = runTorch(batch, 2, 10 * perClass);
        double torch = Math.max(torchOne, torchTwo);
        System.out.printf(Locale.ROOT, "%nFashion-MNIST 784-256-128-10 MLP, Adam, batch %d, %d training rows, %d rounds of one epoch, "
                        + "%d cores, OMP_NUM_THREADS=%s, OpenBLAS threads %d (the pipeline fits on %d), OPENBLAS_CORETYPE=%s, %s%n",
                batch, 10 * perClass, rounds, Runtime.getRuntime().availableProcessors(), System.getenv("OMP_NUM_THREADS"),
                threads.blasThreads(), threads.fittingThreads(batch), System.getenv("OPENBLAS_CORETYPE"), NativeBuild.describe());
        System.out.printf(Locale.ROOT, "  pipeline, building batches   %8.1f%% of its fitting time (measured batch by batch, so load falls on both alike)%n",
                100 * batching / fitting);
        System.out.printf(Locale.ROOT, "  plain DL4J, fit calls only   %8.0f samples/s  (its faster thread setting: %s; 1 thread %.0f, %d threads %.0f)%n",
                plainFit, oneIsFaster ? "1 OpenBLAS thread" : threads.blasThreads() + " OpenBLAS threads", median(plainOne, Speed::fit),
                threads.blasThreads(), median(plainAll, Speed::fit));
        System.out.printf(Locale.ROOT, "  plain DL4J, whole epochs     %8.0f samples/s  (shuffle and batchBy each epoch)%n", plainEpoch);
        System.out.printf(Locale.ROOT, "  pipeline, fitting            %8.0f samples/s  median ratio to plain fit calls x%.3f, per round %s%n",
                pipelineFit, ThreadSettingsBenchmark.median(fitRatios), rounded(fitRatios));
        System.out.printf(Locale.ROOT, "  pipeline, whole epochs       %8.0f samples/s  median ratio to plain whole epochs x%.3f, per round %s%n",
                pipelineEpoch, ThreadSettingsBenchmark.median(epochRatios), rounded(epochRatios));
        System.out.printf(Locale.ROOT, "  PyTorch (faster of 1 and 2 threads: %.0f and %.0f) %8.0f samples/s  plain DL4J fit calls x%.3f of it, pipeline x%.3f%n",
                torchOne, torchTwo, torch, plainFit / torch, pipelineFit / torch);
    }

    private static List<String> rounded(List<Double> ratios) {
        return ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList();
    }

    private static double median(List<Speed> speeds, java.util.function.ToDoubleFunction<Speed> pick) {
        return ThreadSettingsBenchmark.median(speeds.stream().map(pick::applyAsDouble).toList());
    }

    /** One epoch on {@code perClass} rows of each class, and the validation rows apart from them. */
    private static String pipeline(int perClass, int batch) {
        return """
                name: throughput
                seed: %d
                data:
                  specific:
                    type: idx
                    images: %strain-images-idx3-ubyte.gz
                    labels: %strain-labels-idx1-ubyte.gz
                    per-class: %d
                    validation-per-class: 20
                split: {validation: 0, test: 0}
                model: {type: mlp, hidden: [256, 128]}
                strategy: {type: supervised, epochs: 1, batch-size: %d}
                """.formatted(SEED, FASHION, FASHION, perClass, batch);
    }

    private static PipelineRun runPipeline(FulcrumHost host, PipelineConfig config, Path runs) throws IOException {
        PipelineLauncher launcher = new PipelineLauncher(host, new ConsoleProgress(new PrintWriter(OutputStream.nullOutputStream()), false));
        RunOutcome outcome = launcher.run(config, runs);
        if (outcome.status() != RunStatus.SUCCEEDED) {
            throw new IllegalStateException("the pipeline failed: " + outcome.errorMessage());
        }
        List<Double> fit = new ArrayList<>();
        List<Double> epoch = new ArrayList<>();
        double batching = 0;
        double fitting = 0;
        for (String line : Files.readAllLines(outcome.folder().resolve("metrics.jsonl"))) {
            JsonNode node = Json.MAPPER.readTree(line);
            if (node.path("split").asText().equals("train")) {
                batching += node.path("batching_seconds").asDouble();
                fitting += node.path("fit_seconds").asDouble();
                fit.add(node.path("samples_per_second").asDouble());
                epoch.add(node.path("samples").asDouble() / node.path("seconds").asDouble());
            }
        }
        return new PipelineRun(new Speed(ThreadSettingsBenchmark.median(fit), ThreadSettingsBenchmark.median(epoch)), batching, fitting);
    }

    private static AutoRun runAuto(FulcrumHost host, PipelineConfig config, Path runs) throws IOException {
        System.setProperty(ThreadSettings.BLAS_THREADS_PROPERTY, ThreadSettings.MEASURE);
        RunOutcome outcome;
        try {
            outcome = new PipelineLauncher(host, new ConsoleProgress(new PrintWriter(OutputStream.nullOutputStream()), false)).run(config, runs);
        } finally {
            System.clearProperty(ThreadSettings.BLAS_THREADS_PROPERTY);
        }
        if (outcome.status() != RunStatus.SUCCEEDED) {
            throw new IllegalStateException("the pipeline failed: " + outcome.errorMessage());
        }
        List<Double> fit = new ArrayList<>();
        for (String line : Files.readAllLines(outcome.folder().resolve("metrics.jsonl"))) {
            JsonNode node = Json.MAPPER.readTree(line);
            if (node.path("split").asText().equals("train")) {
                fit.add(node.path("samples_per_second").asDouble());
            }
        }
        JsonNode phase = Json.MAPPER.readTree(outcome.folder().resolve("summary.json").toFile()).at("/resources/training/phases/0");
        if (phase.path("blas_threads_measured").isNull()) {
            throw new IllegalStateException("the auto run measured nothing: " + phase);
        }
        return new AutoRun(fit.get(1), fit.get(fit.size() - 1), phase.path("blas_threads").asInt());
    }

    /**
     * What a DL4J user writes by hand: the same rows as one {@code DataSet}, shuffled and cut with
     * {@code batchBy} every epoch, each batch fed to {@code fit} as the same kind of
     * {@code MultiDataSet} the pipeline feeds (DL4J's {@code fit(DataSet)} measured slower), so the
     * difference is Fulcrum's own work: cutting batches and building label masks.
     */
    private static void plainRound(FulcrumHost host, PipelineConfig config, Path work, int batch, ThreadSettings threads,
                                   List<Speed> one, List<Speed> all) throws IOException {
        threads.use(1);
        one.add(runPlainLoop(host, config, work, batch));
        threads.use(threads.blasThreads());
        all.add(runPlainLoop(host, config, work, batch));
    }

    private static Speed runPlainLoop(FulcrumHost host, PipelineConfig config, Path work, int batch) throws IOException {
        HostRunContext context = new HostRunContext(SEED, RunFolder.at(Files.createTempDirectory(work, "plain-")));
        ResolvedPipeline resolved = new PipelineResolver(host.catalog()).resolve(config, context);
        Dataset data = resolved.specific().component().load();
        Dataset train = data.partitionOnly(Partition.UNASSIGNED).withTaskRenamed(data.schema().taskNames().get(0), "specific");
        TrainableModel model = resolved.model().component().build(new ModelSpec(train.schema().featureCount(),
                train.schema().image().orElse(null), train.schema().tasks(), Seeds.derive(SEED, "model"), new Adam(1e-3)));
        int classes = train.schema().tasks().get(0).classCount();
        int[] labels = train.labels("specific");
        INDArray oneHot = Nd4j.zeros(DataType.FLOAT, labels.length, classes);
        for (int i = 0; i < labels.length; i++) {
            oneHot.putScalar(i, labels[i], 1);
        }
        DataSet all = new DataSet(train.features().dup(), oneHot);
        long started = System.nanoTime();
        long fitting = 0;
        all.shuffle(SEED);
        for (DataSet rows : all.batchBy(batch)) {
            long fitStarted = System.nanoTime();
            model.graph().fit(new MultiDataSet(rows.getFeatures(), rows.getLabels()));
            fitting += System.nanoTime() - fitStarted;
        }
        return new Speed(labels.length / (fitting / 1e9), labels.length / ((System.nanoTime() - started) / 1e9));
    }

    /** Runs {@code torch_speed.py throughput} and reads its {@code samples/s} line. */
    private static double runTorch(int batch, int threads, int rows) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("/usr/bin/python3", TORCH.toString(), "throughput", "--batch", String.valueOf(batch),
                "--threads", String.valueOf(threads), "--rows", String.valueOf(rows)).redirectErrorStream(true).start();
        Double samples = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("samples/s ")) {
                    samples = Double.parseDouble(line.substring("samples/s ".length()).trim());
                } else {
                    System.out.println("  torch: " + line);
                }
            }
        }
        if (process.waitFor() != 0 || samples == null) {
            throw new IllegalStateException(TORCH + " failed or printed no samples/s (run from the repository's root)");
        }
        return samples;
    }
}
