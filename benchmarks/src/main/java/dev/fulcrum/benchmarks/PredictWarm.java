package dev.fulcrum.benchmarks;

import dev.fulcrum.core.cli.FulcrumCli;
import org.nd4j.linalg.factory.Nd4j;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code fulcrum predict RUN --data IMAGES --labels LABELS} several times in one JVM, the command itself
 * (its host, its reading of the model and the rows, its chunks of rows), so that after the first call the
 * predict step is measured warm; the figure is the command's own timer of that step, which leaves out
 * reading and writing. The first call is the one a fresh {@code fulcrum predict} pays. Meant to run in the
 * launcher's JVM, with its options and environment (benchmarks/speed/run-accuracy-inference starts it
 * through {@code bin/fulcrum}), so that it measures the launcher's thread and kernel settings.
 *
 * <p>Usage: {@code PredictWarm RUN IMAGES LABELS OUT_CSV CALLS}
 */
public final class PredictWarm {

    private static final Pattern PREDICTED = Pattern.compile("(\\d+) rows predicted in ([0-9.]+) s");

    private PredictWarm() {
    }

    public static void main(String[] args) {
        FulcrumCli.prepareProcess();
        String[] command = {"predict", args[0], "--data", args[1], "--labels", args[2], "--out", args[3]};
        int calls = Integer.parseInt(args[4]);
        List<Double> seconds = new ArrayList<>();
        int rows = 0;
        String last = "";
        for (int call = 0; call < calls; call++) {
            StringWriter stdout = new StringWriter();
            StringWriter stderr = new StringWriter();
            int code = FulcrumCli.execute(command, new PrintWriter(stdout, true), new PrintWriter(stderr, true));
            Matcher predicted = PREDICTED.matcher(stdout.toString());
            if (code != 0 || !predicted.find()) {
                throw new IllegalStateException("fulcrum predict failed (exit " + code + "):\n" + stdout + stderr);
            }
            rows = Integer.parseInt(predicted.group(1));
            seconds.add(Double.parseDouble(predicted.group(2)));
            last = stdout.toString().trim();
        }
        List<Double> warm = seconds.subList(1, seconds.size());
        double median = PandasAuditPeer.median(warm);
        System.out.println(last);
        System.out.printf(Locale.ROOT, "predict-warm rows %d first_s %.4f warm_median_s %.4f warm_rows_per_s %.0f calls %d "
                        + "warm_s %s%n", rows, seconds.get(0), median, rows / median, calls,
                warm.stream().map(s -> String.format(Locale.ROOT, "%.4f", s)).toList());
        System.out.printf(Locale.ROOT, "predict-settings OMP_NUM_THREADS=%s OPENBLAS_CORETYPE=%s OPENBLAS_NUM_THREADS=%s "
                        + "nd4j_omp_threads=%d blas_threads=%d cores=%d%n", System.getenv("OMP_NUM_THREADS"),
                System.getenv("OPENBLAS_CORETYPE"), System.getenv("OPENBLAS_NUM_THREADS"), Nd4j.getEnvironment().maxThreads(),
                Nd4j.factory().blas().getMaxThreads(), Runtime.getRuntime().availableProcessors());
    }
}
