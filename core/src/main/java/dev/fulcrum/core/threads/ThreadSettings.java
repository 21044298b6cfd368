package dev.fulcrum.core.threads;

import dev.fulcrum.api.InvalidInputException;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ND4J runs its own operations on OpenMP threads and its matrix products on OpenBLAS threads. On
 * the 2-core machines we measured, both at 2 threads fight and training runs at a third to a half
 * of the speed of either one alone (README, "Threads"). {@code bin/fulcrum} therefore starts the JVM
 * with {@code OMP_NUM_THREADS=1} unless the user set it; this class, run once in-process, then gives
 * OpenBLAS the cores, or one thread where ND4J's OpenMP already uses several.
 */
public final class ThreadSettings {

    /**
     * System property: a number forces the OpenBLAS thread count; {@value #MEASURE} keeps the
     * process's count but lets each phase time its mini-batches on one thread and on that count and
     * fit on the faster ({@link FitThreadChoice}).
     */
    public static final String BLAS_THREADS_PROPERTY = "fulcrum.blas.threads";
    /** The value of {@value #BLAS_THREADS_PROPERTY} that measures the fitting threads per phase. */
    public static final String MEASURE = "auto";
    /**
     * System property: the cores this process may use, fewer than the machine's. {@code fulcrum tune}
     * sets it in each of its N worker processes to the cores divided by N, since trials running side
     * by side on all cores each would oversubscribe them (2-3x slower here).
     */
    public static final String CORES_PROPERTY = "fulcrum.cores";
    /**
     * Mini-batches of fewer rows fit on one OpenBLAS thread. On the 2-core machine measured with the
     * AVX-512 build ({@code PipelineOverheadBenchmark}, README "Threads"), two threads fitted faster at
     * 128 rows and more in most rounds (the pipeline at batch 128 on two: x1.22 of plain DL4J's faster
     * setting, on one: x0.81); at 64 rows the two were within a few percent of each other.
     */
    public static final int SMALL_BATCH_ROWS = 128;

    private final int cores;
    private final int ompThreads;
    private final int blasThreads;
    private final String blasChoice;
    private final boolean forced;
    private final boolean measured;

    private ThreadSettings(int cores, int ompThreads, int blasThreads, String blasChoice, boolean forced, boolean measured) {
        this.cores = cores;
        this.ompThreads = ompThreads;
        this.blasThreads = blasThreads;
        this.blasChoice = blasChoice;
        this.forced = forced;
        this.measured = measured;
    }

    /** Chooses and applies the OpenBLAS thread count; idempotent. */
    public static synchronized ThreadSettings apply() {
        int cores = cores();
        int omp = Nd4j.getEnvironment().maxThreads();
        String property = System.getProperty(BLAS_THREADS_PROPERTY);
        boolean measured = measures(property);
        String forced = measured ? null : property;
        int blas;
        String choice;
        if (forced != null) {
            blas = forcedThreads(forced);
            choice = "set by -D" + BLAS_THREADS_PROPERTY;
        } else if (omp > 1) {
            blas = 1;
            choice = "1 because ND4J's OpenMP already uses " + omp + " threads";
        } else {
            blas = cores;
            choice = "all cores, ND4J's OpenMP uses 1 thread";
        }
        Nd4j.factory().blas().setMaxThreads(blas);
        return new ThreadSettings(cores, omp, Nd4j.factory().blas().getMaxThreads(), choice, forced != null, measured);
    }

    /** Checks {@value #BLAS_THREADS_PROPERTY} before a command starts, so that a bad value stops it before it writes anything. */
    public static void checkProperty() {
        String property = System.getProperty(BLAS_THREADS_PROPERTY);
        if (property != null && !measures(property)) {
            forcedThreads(property);
        }
    }

    private static boolean measures(String property) {
        return property != null && property.trim().equals(MEASURE);
    }

    private static int forcedThreads(String value) {
        try {
            int threads = Integer.parseInt(value.trim());
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("-D" + BLAS_THREADS_PROPERTY + "=" + value + ": give a number of threads (1 or more) or "
                + MEASURE + " (time each phase's mini-batches on 1 thread and on all cores, and fit on the faster)");
    }

    /** The cores this process may use: the machine's, or fewer where {@value #CORES_PROPERTY} says so. */
    public static int cores() {
        int available = Runtime.getRuntime().availableProcessors();
        String budget = System.getProperty(CORES_PROPERTY);
        return budget == null ? available : Math.max(1, Math.min(available, Integer.parseInt(budget.trim())));
    }

    public int blasThreads() {
        return blasThreads;
    }

    /** OpenBLAS' threads while fitting mini-batches of {@code batchSize} rows: one for small batches, unless forced. */
    public int fittingThreads(int batchSize) {
        return forced || batchSize >= SMALL_BATCH_ROWS ? blasThreads : 1;
    }

    /** Whether each phase measures which thread count fits its mini-batches faster ({@value #MEASURE}). */
    public boolean measuresFitting() {
        return measured;
    }

    /** Gives OpenBLAS {@code threads} threads from now on; {@link #blasThreads()} gives back the process's choice. */
    public void use(int threads) {
        Nd4j.factory().blas().setMaxThreads(threads);
    }

    public int ompThreads() {
        return ompThreads;
    }

    /** Everything that set the speed of this run, for provenance. */
    public Map<String, Object> describe() {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("cores", cores);
        described.put("cores_choice", System.getProperty(CORES_PROPERTY) == null ? "all available"
                : "set by -D" + CORES_PROPERTY + " (a study's share for each of its workers)");
        described.put("nd4j_omp_threads", ompThreads);
        described.put("blas_threads", blasThreads);
        described.put("blas_threads_choice", blasChoice);
        described.put("blas_threads_fitting", forced || blasThreads == 1 ? "as blas_threads"
                : measured ? "measured in each phase of " + (FitThreadChoice.MEASURED_BATCHES + 1) + " or more mini-batches per epoch: 1 or "
                + "blas_threads, whichever fitted its own mini-batches faster (-D" + BLAS_THREADS_PROPERTY + "=" + MEASURE + "); "
                + "in smaller phases 1 for mini-batches below " + SMALL_BATCH_ROWS + " rows, else as blas_threads"
                : "1 for mini-batches below " + SMALL_BATCH_ROWS + " rows, else as blas_threads");
        described.put("OMP_NUM_THREADS", System.getenv("OMP_NUM_THREADS"));
        described.put("OPENBLAS_CORETYPE", System.getenv("OPENBLAS_CORETYPE"));
        described.put("OPENBLAS_NUM_THREADS", System.getenv("OPENBLAS_NUM_THREADS"));
        return described;
    }
}
