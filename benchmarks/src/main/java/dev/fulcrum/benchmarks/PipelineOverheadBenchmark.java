package dev.fulcrum.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.model.ModelSpec;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.core.cli.ConsoleProgress;
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
import dev.fulcrum.core.run.Seeds;
import dev.fulcrum.core.threads.ThreadSettings;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
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
 * and the same batch size, in one JVM, alternating over rounds so that load from elsewhere falls on
 * both alike; then the PyTorch peer on the same machine. The pipeline's figure is its fitting time per
 * epoch (what {@code metrics.jsonl} reports as {@code samples_per_second}) and, separately, its whole
 * epochs including the per-epoch validation the plain loop does not do.
 *
 * <p>Usage: {@code benchmarks/run PipelineOverheadBenchmark PLUGINS_DIR [epochs] [rounds] [peer.py]}
 */
public final class PipelineOverheadBenchmark {

    private static final String FASHION = "/usr/share/datasets/fashion-mnist/";
    private static final int BATCH = 128;
    private static final long SEED = 1;

    private PipelineOverheadBenchmark() {
    }

    /** One pipeline run's speeds: fitting only, and whole epochs (fitting, validation, logging). */
    private record PipelineSpeed(double fit, double epoch) {
    }

    public static void main(String[] args) throws Exception {
        Path plugins = Path.of(args[0]);
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path peer = Path.of(args.length > 3 ? args[3] : "/work/shared/peers/torch_fashion.py");
        ThreadSettings threads = ThreadSettings.apply();
        Path work = Files.createTempDirectory("fulcrum-overhead-");
        Path pipelineFile = Files.writeString(work.resolve("throughput.yaml"), pipeline(epochs));
        List<PipelineSpeed> pipelineSpeeds = new ArrayList<>();
        List<Double> plainSpeeds = new ArrayList<>();
        try (FulcrumHost host = FulcrumHost.start(plugins, work.resolve("plugin-data"))) {
            PipelineConfig config = PipelineConfigReader.read(pipelineFile, List.of(), null);
            for (int round = 0; round < rounds; round++) {
                pipelineSpeeds.add(runPipeline(host, config, work.resolve("runs")));
                plainSpeeds.add(runPlainLoop(host, config, work, epochs));
                System.out.printf(Locale.ROOT, "round %d: pipeline %.0f samples/s fitting (%.0f whole epochs), plain DL4J %.0f samples/s%n",
                        round + 1, pipelineSpeeds.get(round).fit(), pipelineSpeeds.get(round).epoch(), plainSpeeds.get(round));
            }
        }
        double pipelineFit = ThreadSettingsBenchmark.median(pipelineSpeeds.stream().map(PipelineSpeed::fit).toList());
        double pipelineEpoch = ThreadSettingsBenchmark.median(pipelineSpeeds.stream().map(PipelineSpeed::epoch).toList());
        double plain = ThreadSettingsBenchmark.median(plainSpeeds);
        double torch = runPeer(peer);
        System.out.printf(Locale.ROOT, "%nFashion-MNIST 784-256-128-10 MLP, Adam, batch %d, %d epochs x %d rounds, %d cores, "
                        + "OMP_NUM_THREADS=%s, OpenBLAS threads %d, OPENBLAS_CORETYPE=%s%n", BATCH, epochs, rounds,
                Runtime.getRuntime().availableProcessors(), System.getenv("OMP_NUM_THREADS"), threads.blasThreads(),
                System.getenv("OPENBLAS_CORETYPE"));
        System.out.printf(Locale.ROOT, "  plain DL4J loop             %8.0f samples/s%n", plain);
        System.out.printf(Locale.ROOT, "  pipeline, fitting           %8.0f samples/s  x%.3f of plain (overhead %+.1f%%)%n",
                pipelineFit, pipelineFit / plain, 100 * (plain / pipelineFit - 1));
        System.out.printf(Locale.ROOT, "  pipeline, whole epochs      %8.0f samples/s  x%.3f of plain (with per-epoch validation)%n",
                pipelineEpoch, pipelineEpoch / plain);
        System.out.printf(Locale.ROOT, "  PyTorch peer (1 thread)     %8.0f samples/s  plain DL4J x%.3f of it, pipeline x%.3f%n",
                torch, plain / torch, pipelineFit / torch);
    }

    private static String pipeline(int epochs) {
        return """
                name: throughput
                seed: %d
                data:
                  specific:
                    type: idx
                    images: %strain-images-idx3-ubyte.gz
                    labels: %strain-labels-idx1-ubyte.gz
                    validation-per-class: 100
                split: {validation: 0, test: 0}
                model: {type: mlp, hidden: [256, 128]}
                strategy: {type: supervised, epochs: %d, batch-size: %d, early-stopping: {patience: %d}}
                """.formatted(SEED, FASHION, FASHION, epochs, BATCH, epochs + 1);
    }

    private static PipelineSpeed runPipeline(FulcrumHost host, PipelineConfig config, Path runs) throws IOException {
        PipelineLauncher launcher = new PipelineLauncher(host, new ConsoleProgress(new PrintWriter(OutputStream.nullOutputStream()), false));
        RunOutcome outcome = launcher.run(config, runs);
        if (outcome.status() != RunStatus.SUCCEEDED) {
            throw new IllegalStateException("the pipeline failed: " + outcome.errorMessage());
        }
        List<Double> fit = new ArrayList<>();
        List<Double> epoch = new ArrayList<>();
        for (String line : Files.readAllLines(outcome.folder().resolve("metrics.jsonl"))) {
            JsonNode node = Json.MAPPER.readTree(line);
            if (node.path("split").asText().equals("train")) {
                fit.add(node.path("samples_per_second").asDouble());
                epoch.add(node.path("samples").asDouble() / node.path("seconds").asDouble());
            }
        }
        return new PipelineSpeed(ThreadSettingsBenchmark.median(fit), ThreadSettingsBenchmark.median(epoch));
    }

    /**
     * What a DL4J user writes by hand: the same rows as one {@code DataSet}, shuffled and cut with
     * {@code batchBy} every epoch, fed to {@code fit}. Returns the median epoch's samples/s.
     */
    private static double runPlainLoop(FulcrumHost host, PipelineConfig config, Path work, int epochs) throws IOException {
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
        List<Double> speeds = new ArrayList<>();
        for (int epoch = 0; epoch < epochs; epoch++) {
            long started = System.nanoTime();
            all.shuffle(SEED + epoch);
            for (DataSet batch : all.batchBy(BATCH)) {
                model.graph().fit(batch);
            }
            speeds.add(labels.length / ((System.nanoTime() - started) / 1e9));
        }
        return ThreadSettingsBenchmark.median(speeds);
    }

    /** Runs the PyTorch peer with one thread and reads its {@code samples/s} line. */
    private static double runPeer(Path script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("/usr/bin/python3", script.toString(), "1").redirectErrorStream(true).start();
        Double samples = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                System.out.println("  peer: " + line);
                int at = line.indexOf("samples/s=");
                if (line.startsWith("full:") && at >= 0) {
                    samples = Double.parseDouble(line.substring(at + "samples/s=".length()).split(",")[0].trim());
                }
            }
        }
        if (process.waitFor() != 0 || samples == null) {
            throw new IllegalStateException("the peer " + script + " failed or printed no samples/s");
        }
        return samples;
    }
}
