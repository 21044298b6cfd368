package dev.fulcrum.benchmarks.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.optimize.solvers.accumulation.encoding.threshold.AdaptiveThresholdAlgorithm;
import org.deeplearning4j.spark.api.TrainingMaster;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.deeplearning4j.spark.parameterserver.training.SharedTrainingMaster;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.adapter.SingletonDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.parameterserver.distributed.conf.VoidConfiguration;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Trains the 784-256-128-10 MLP of Fulcrum's benchmarks on Fashion-MNIST for some epochs in one of
 * three ways and prints one line: samples/s and test accuracy. {@code one}: one process, as Fulcrum
 * trains; {@code averaging}: DL4J's Spark parameter averaging; {@code sharing}: DL4J's Spark gradient
 * sharing (Aeron UDP between the workers). The Spark ways run on {@code master} with one partition a
 * worker thread.
 *
 * <p>Arguments: {@code MODE EPOCHS BATCH [MASTER PARTITIONS AVERAGING-FREQUENCY]}.
 */
public final class Dl4jSparkTraining {

    private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");

    public static void main(String[] args) throws IOException {
        String mode = args[0];
        int epochs = Integer.parseInt(args[1]);
        int batch = Integer.parseInt(args[2]);
        DataSet train = read("train", 60_000);
        DataSet test = read("t10k", 10_000);
        List<DataSet> batches = train.batchBy(batch);
        long start;
        MultiLayerNetwork network;
        if (mode.equals("one")) {
            start = System.nanoTime();
            network = new MultiLayerNetwork(mlp());
            network.init();
            for (int epoch = 0; epoch < epochs; epoch++) {
                batches.forEach(network::fit);
            }
        } else {
            JavaSparkContext spark = new JavaSparkContext(new SparkConf().setMaster(args[3]).setAppName("dl4j-spark-training"));
            JavaRDD<DataSet> data = spark.parallelize(batches, Integer.parseInt(args[4])).cache();
            data.count(); // the batches reach the workers before the clock starts
            start = System.nanoTime();
            SparkDl4jMultiLayer trainer = new SparkDl4jMultiLayer(spark, mlp(), master(mode, batch, Integer.parseInt(args[5])));
            for (int epoch = 0; epoch < epochs; epoch++) {
                trainer.fit(data);
            }
            network = trainer.getNetwork();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Evaluation evaluation = network.evaluate(new SingletonDataSetIterator(test));
        System.out.printf("RESULT %s epochs=%d batch=%d seconds=%.1f samples_per_s=%.0f test_accuracy=%.4f%n",
                String.join(" ", args), epochs, batch, seconds, train.numExamples() * (double) epochs / seconds, evaluation.accuracy());
        System.exit(0);
    }

    private static TrainingMaster<?, ?> master(String mode, int batch, int averagingFrequency) {
        if (mode.equals("averaging")) {
            return new ParameterAveragingTrainingMaster.Builder(batch).batchSizePerWorker(batch)
                    .averagingFrequency(averagingFrequency).workerPrefetchNumBatches(2).build();
        }
        VoidConfiguration transport = VoidConfiguration.builder().unicastPort(40123).networkMask("127.0.0.0/8")
                .controllerAddress("127.0.0.1").build();
        return new SharedTrainingMaster.Builder(transport, new AdaptiveThresholdAlgorithm(1e-3), batch)
                .batchSizePerWorker(batch).workersPerNode(1).build();
    }

    private static MultiLayerConfiguration mlp() {
        return new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(1e-3)).weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(256).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(256).nOut(128).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(128).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .build();
    }

    /** Debian's dataset-fashion-mnist files: IDX, gzip'd; pixels scaled to [0, 1], labels one-hot. */
    private static DataSet read(String split, int rows) throws IOException {
        float[] pixels = new float[rows * 784];
        float[] labels = new float[rows * 10];
        try (DataInputStream in = idx(split + "-images-idx3-ubyte.gz", 16)) {
            byte[] all = in.readNBytes(pixels.length);
            for (int i = 0; i < all.length; i++) {
                pixels[i] = (all[i] & 0xff) / 255f;
            }
        }
        try (DataInputStream in = idx(split + "-labels-idx1-ubyte.gz", 8)) {
            byte[] all = in.readNBytes(rows);
            for (int i = 0; i < rows; i++) {
                labels[i * 10 + all[i]] = 1f;
            }
        }
        return new DataSet(Nd4j.create(pixels, new long[]{rows, 784}), Nd4j.create(labels, new long[]{rows, 10}));
    }

    private static DataInputStream idx(String file, int header) throws IOException {
        InputStream in = new GZIPInputStream(Files.newInputStream(FASHION.resolve(file)));
        DataInputStream data = new DataInputStream(in);
        data.skipNBytes(header);
        return data;
    }
}
