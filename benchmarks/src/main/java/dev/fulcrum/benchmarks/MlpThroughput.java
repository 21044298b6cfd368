package dev.fulcrum.benchmarks;

import dev.fulcrum.core.threads.ThreadSettings;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * One measurement, in its own JVM (thread settings are fixed at start): trains the 784-256-128-10
 * MLP of the design notes on random data and prints {@code samples/s N}.
 */
public final class MlpThroughput {

    private MlpThroughput() {
    }

    public static void main(String[] args) {
        int batch = Integer.parseInt(args[0]);
        ThreadSettings.apply();
        Nd4j.getRandom().setSeed(1);
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .dataType(DataType.FLOAT).updater(new Adam(1e-3)).list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(256).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(256).nOut(128).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(128).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .build());
        network.init();
        INDArray features = Nd4j.rand(DataType.FLOAT, batch, 784);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, batch, 10);
        for (int i = 0; i < batch; i++) {
            labels.putScalar(i, i % 10, 1);
        }
        DataSet data = new DataSet(features, labels);
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 60_000;
        int iterations = Math.max(20, samples / batch);
        // as many unmeasured steps first, so that the measured ones run JIT-compiled
        for (int i = 0; i < iterations; i++) {
            network.fit(data);
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long startCpu = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < iterations; i++) {
            network.fit(data);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (cpu.getCurrentThreadCpuTime() - startCpu) / 1e9;
        System.out.println("samples/s " + (iterations * batch / seconds));
        // With ND4J and OpenBLAS on one thread each all the work runs on this thread, so this figure
        // leaves out the time other processes on a shared machine took the core away.
        System.out.println("samples/cpu-s " + (iterations * batch / cpuSeconds));
    }
}
