package dev.fulcrum.benchmarks;

import dev.fulcrum.core.threads.ThreadSettings;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * One measurement, in its own JVM (the native library is fixed at start): the float matrix product
 * of the MLP's first layer, {@code rows x 784} by {@code 784 x 256}, through ND4J's {@code mmul}, and
 * prints {@code GFLOP/s} over wall time and over this thread's CPU time (2 FLOPs per multiply-add).
 */
public final class GemmThroughput {

    private GemmThroughput() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        ThreadSettings.apply();
        Nd4j.getRandom().setSeed(1);
        INDArray a = Nd4j.rand(DataType.FLOAT, rows, 784);
        INDArray b = Nd4j.rand(DataType.FLOAT, 784, 256);
        INDArray c = Nd4j.create(DataType.FLOAT, rows, 256);
        for (int i = 0; i < 20; i++) {
            a.mmul(b, c);
        }
        int repeats = Math.max(50, 200_000 / rows);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long startCpu = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < repeats; i++) {
            a.mmul(b, c);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (cpu.getCurrentThreadCpuTime() - startCpu) / 1e9;
        double flops = 2.0 * rows * 784 * 256 * repeats;
        System.out.println("GFLOP/s " + flops / seconds / 1e9);
        System.out.println("GFLOP/cpu-s " + flops / cpuSeconds / 1e9);
    }
}
