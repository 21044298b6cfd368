package dev.fulcrum.core.train;

import dev.fulcrum.api.augment.Batch;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.api.train.Phase;
import dev.fulcrum.math.random.RandomArrays;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * One epoch's rows cut into mini-batches with one label array and mask per model output: all rows
 * shuffled, or, for a phase with row shares, fixed shares of each task's rows in every batch. A
 * row's mask is its label mask times its sample weight times its task's loss weight; DL4J scales
 * each row's loss by it.
 */
final class MiniBatches {

    /**
     * Rows copied out together, in whole batches (a batch of more rows is copied alone): 1,024 rows of
     * 784 floats are 3 MB. At batch 1024, groups of 4 batches (views into one array) fitted at x0.85 of
     * DL4J's speed on batches of their own, groups of 1 at x1.01 (PipelineOverheadBenchmark).
     */
    private static final int ROWS_PER_GATHER = 1024;
    /** System property: {@code false} builds each group of batches on the training thread, between fits. */
    static final String PREFETCH_PROPERTY = "fulcrum.batches.prefetch";

    /** Called after each mini-batch with the number done and the total. */
    interface Listener {
        /** After the {@code batch}-th of {@code batches} mini-batches, of {@code rows} rows, was fitted. */
        void done(int batch, int batches, int rows);
    }

    /**
     * What fitting an epoch did: the mean training loss (weighted by batch size), the rows it fed, and
     * the seconds the training thread spent on batches rather than in DL4J's {@code fit}: waiting for
     * them where they are built on another thread, building them where not.
     */
    record Fit(double meanLoss, long samples, double batchingSeconds) {
    }

    private final Batch rows;
    private final TrainableModel model;
    private final Phase phase;
    private final List<int[]> batches;
    /** Per trained task: its mask scaled by sample and loss weights, [rows, 1]. */
    private final Map<String, INDArray> scaledMasks = new LinkedHashMap<>();
    /** Trained tasks whose scaled mask is 1 on every row: DL4J gets no mask for them, which fits 2 % faster. */
    private final Set<String> unmasked = new HashSet<>();
    /** Per trained task and row: whether the row has a label for it. */
    private final Map<String, boolean[]> labelled = new LinkedHashMap<>();
    /** Zero labels and masks for the outputs a phase does not train, by task and batch size. */
    private final Map<String, INDArray[]> zeros = new HashMap<>();

    MiniBatches(Batch rows, TrainableModel model, Phase phase, long seed) {
        this.rows = rows;
        this.model = model;
        this.phase = phase;
        for (String task : model.outputs()) {
            Double lossWeight = phase.taskWeights().get(task);
            if (lossWeight != null) {
                INDArray mask = rows.mask(task);
                INDArray scaled = mask.mul(rows.weights()).muli(lossWeight);
                scaledMasks.put(task, scaled);
                if (phase.rowShares().isEmpty() && rows.rows() > 0
                        && scaled.minNumber().doubleValue() == 1 && scaled.maxNumber().doubleValue() == 1) {
                    unmasked.add(task);
                }
                float[] values = mask.toFloatVector();
                boolean[] has = new boolean[values.length];
                for (int i = 0; i < values.length; i++) {
                    has[i] = values[i] != 0;
                }
                labelled.put(task, has);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        this.batches = phase.rowShares().isEmpty() ? uniform(random) : mixed(random);
    }

    private List<int[]> uniform(SplittableRandom random) {
        int[] order = RandomArrays.permutation(rows.rows(), random);
        List<int[]> cut = new ArrayList<>();
        for (int from = 0; from < order.length; from += phase.batchSize()) {
            cut.add(Arrays.copyOfRange(order, from, Math.min(order.length, from + phase.batchSize())));
        }
        return cut;
    }

    private List<int[]> mixed(SplittableRandom random) {
        Map<String, Integer> quotas = quotas();
        Map<String, Cycle> cycles = new LinkedHashMap<>();
        int count = 0;
        for (Map.Entry<String, Integer> quota : quotas.entrySet()) {
            boolean[] has = labelled.get(quota.getKey());
            int[] taskRows = IntStream.range(0, has.length).filter(i -> has[i]).toArray();
            cycles.put(quota.getKey(), new Cycle(taskRows, random));
            count = Math.max(count, (taskRows.length + quota.getValue() - 1) / quota.getValue());
        }
        List<int[]> planned = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            int[] indices = new int[phase.batchSize()];
            int filled = 0;
            for (Map.Entry<String, Integer> quota : quotas.entrySet()) {
                Cycle cycle = cycles.get(quota.getKey());
                for (int i = 0; i < quota.getValue(); i++) {
                    indices[filled++] = cycle.next();
                }
            }
            planned.add(indices);
        }
        return planned;
    }

    /**
     * Rows per batch for each task in output order: the largest-remainder rounding of share times
     * batch size (Hamilton's method), with at least one row each.
     */
    private Map<String, Integer> quotas() {
        Map<String, Integer> quotas = new LinkedHashMap<>();
        Map<String, Double> remainders = new LinkedHashMap<>();
        int assigned = 0;
        for (String task : model.outputs()) {
            Double share = phase.rowShares().get(task);
            if (share != null) {
                double exact = share * phase.batchSize();
                int quota = Math.max(1, (int) Math.floor(exact));
                quotas.put(task, quota);
                remainders.put(task, exact - quota);
                assigned += quota;
            }
        }
        while (assigned != phase.batchSize()) {
            boolean add = assigned < phase.batchSize();
            String pick = null;
            for (String task : quotas.keySet()) {
                if (!add && quotas.get(task) == 1) {
                    continue;
                }
                if (pick == null || (add ? remainders.get(task) > remainders.get(pick) : remainders.get(task) < remainders.get(pick))) {
                    pick = task;
                }
            }
            quotas.merge(pick, add ? 1 : -1, Integer::sum);
            remainders.merge(pick, add ? -1.0 : 1.0, Double::sum);
            assigned += add ? 1 : -1;
        }
        return quotas;
    }

    /** A task's rows, handed out in shuffled passes. */
    private static final class Cycle {
        private final int[] rows;
        private final SplittableRandom random;
        private int position;

        Cycle(int[] rows, SplittableRandom random) {
            if (rows.length == 0) {
                throw new IllegalArgumentException("a task with row shares has no training rows");
            }
            this.rows = rows;
            this.random = random;
            RandomArrays.shuffle(rows, random);
        }

        int next() {
            if (position == rows.length) {
                RandomArrays.shuffle(rows, random);
                position = 0;
            }
            return rows[position++];
        }
    }

    int batchCount() {
        return batches.size();
    }

    /** The samples one pass over these batches feeds the network. */
    long samples() {
        return batches.stream().mapToLong(batch -> batch.length).sum();
    }

    /**
     * Fits every mini-batch. With {@code prefetch} (and unless {@value #PREFETCH_PROPERTY} is false),
     * the next group of batches is built on another thread while DL4J fits one, so the training thread
     * only waits where building a group takes longer than fitting one. The caller asks for it only
     * where a core is left over: a builder thread competing with OpenBLAS' threads for the cores slows
     * every product down to its slowest thread.
     */
    Fit fitAll(ComputationGraph graph, Listener listener, boolean prefetch) {
        int perGroup = Math.max(1, ROWS_PER_GATHER / phase.batchSize());
        List<List<int[]>> groups = new ArrayList<>();
        for (int first = 0; first < batches.size(); first += perGroup) {
            groups.add(batches.subList(first, Math.min(batches.size(), first + perGroup)));
        }
        ExecutorService builder = prefetch && prefetchAllowed() ? Executors.newSingleThreadExecutor(MiniBatches::builderThread) : null;
        try {
            double lossSum = 0;
            long samples = 0;
            long waiting = 0;
            int done = 0;
            // Group g is built into the arrays of group g - 2, which has been fitted by the time group g is
            // asked for (after group g - 1 arrived); only the thread that builds touches these two.
            Gathered[] lastTwo = new Gathered[2];
            Future<List<MultiDataSet>> next = groups.isEmpty() ? null : build(builder, groups.get(0), lastTwo, 0);
            for (int g = 0; g < groups.size(); g++) {
                long started = System.nanoTime();
                List<MultiDataSet> group = await(next);
                next = g + 1 < groups.size() ? build(builder, groups.get(g + 1), lastTwo, (g + 1) % 2) : null;
                waiting += System.nanoTime() - started;
                for (int b = 0; b < group.size(); b++) {
                    int size = groups.get(g).get(b).length;
                    graph.fit(group.get(b));
                    lossSum += graph.score() * size;
                    samples += size;
                    listener.done(++done, batches.size(), size);
                }
            }
            return new Fit(samples == 0 ? Double.NaN : lossSum / samples, samples, waiting / 1e9);
        } finally {
            if (builder != null) {
                stop(builder);
            }
        }
    }

    /** Stops the builder, and waits for it, so that no epoch leaves a thread behind. */
    private static void stop(ExecutorService builder) {
        builder.shutdownNow();
        try {
            builder.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean prefetchAllowed() {
        return !"false".equals(System.getProperty(PREFETCH_PROPERTY));
    }

    private static Thread builderThread(Runnable task) {
        Thread thread = new Thread(task, "fulcrum-batches");
        thread.setDaemon(true);
        return thread;
    }

    /** The group's batches, built on {@code builder}, or here and now where there is none. */
    private Future<List<MultiDataSet>> build(ExecutorService builder, List<int[]> group, Gathered[] lastTwo, int slot) {
        Callable<List<MultiDataSet>> task = () -> {
            lastTwo[slot] = new Gathered(group, lastTwo[slot]);
            return lastTwo[slot].all();
        };
        if (builder != null) {
            return builder.submit(task);
        }
        try {
            return CompletableFuture.completedFuture(task.call());
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static List<MultiDataSet> await(Future<List<MultiDataSet>> group) {
        try {
            return group.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the next mini-batches", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("building mini-batches failed", e.getCause());
        }
    }

    /**
     * The rows of a run of consecutive batches, copied out in batch order with one {@code pullRows}
     * per array, so that each batch is a view of consecutive rows: per-call costs are paid once per
     * group instead of once per batch, and at most a group's rows are copied at a time. A group of
     * as many rows as {@code previous} is copied into its arrays: into fresh ones the copy took about
     * five times as long here, the kernel zeroing their new pages first. {@code previous} must be a
     * group that is no longer fitted.
     */
    private final class Gathered {
        private final List<int[]> batches;
        private final INDArray features;
        private final INDArray[] labels;
        private final INDArray[] masks;

        Gathered(List<int[]> batches, Gathered previous) {
            this.batches = batches;
            int[] all = batches.stream().flatMapToInt(Arrays::stream).toArray();
            features = pull(rows.features(), previous == null ? null : previous.features, all);
            List<String> outputs = model.outputs();
            labels = new INDArray[outputs.size()];
            masks = new INDArray[outputs.size()];
            for (int o = 0; o < outputs.size(); o++) {
                INDArray mask = scaledMasks.get(outputs.get(o));
                if (mask != null) {
                    labels[o] = pull(rows.target(outputs.get(o)), previous == null ? null : previous.labels[o], all);
                    masks[o] = unmasked.contains(outputs.get(o)) ? null : pull(mask, previous == null ? null : previous.masks[o], all);
                }
            }
        }

        private static INDArray pull(INDArray source, INDArray into, int[] rows) {
            if (into == null || into.rows() != rows.length) {
                return Nd4j.pullRows(source, 1, rows);
            }
            Nd4j.pullRows(source, into, 1, rows);
            return into;
        }

        /** Every batch of the group, in order. */
        List<MultiDataSet> all() {
            List<MultiDataSet> built = new ArrayList<>(batches.size());
            int offset = 0;
            for (int[] indices : batches) {
                built.add(batch(offset, indices));
                offset += indices.length;
            }
            return built;
        }

        /** The batch whose rows start at {@code offset}: views, but for the outputs the phase does not train. */
        MultiDataSet batch(int offset, int[] indices) {
            List<String> outputs = model.outputs();
            INDArray[] batchLabels = new INDArray[outputs.size()];
            INDArray[] batchMasks = new INDArray[outputs.size()];
            for (int o = 0; o < outputs.size(); o++) {
                String task = outputs.get(o);
                if (labels[o] == null) {
                    INDArray[] none = zeros.computeIfAbsent(task + "/" + indices.length, k -> new INDArray[] {
                            Nd4j.zeros(DataType.FLOAT, indices.length, rows.schema().task(task).orElseThrow().classCount()),
                            Nd4j.zeros(DataType.FLOAT, indices.length, 1)});
                    batchLabels[o] = none[0];
                    batchMasks[o] = none[1];
                } else {
                    batchLabels[o] = rowsOf(labels[o], offset, indices.length);
                    batchMasks[o] = masks[o] == null ? null : rowsOf(masks[o], offset, indices.length);
                    if (!phase.rowShares().isEmpty()) {
                        batchMasks[o].muli(meanOverLabelled(task, indices));
                    }
                }
            }
            INDArray batchFeatures = rowsOf(features, offset, indices.length);
            boolean anyMask = Arrays.stream(batchMasks).anyMatch(Objects::nonNull);
            if (indices.length == 1) {
                // DL4J takes a [1, 1] mask for a per-output mask and refuses it for softmax outputs. The
                // row twice has the same mean loss and gradient as the row once.
                batchFeatures = twice(batchFeatures);
                batchLabels = Arrays.stream(batchLabels).map(Gathered::twice).toArray(INDArray[]::new);
                batchMasks = Arrays.stream(batchMasks).map(mask -> mask == null ? null : twice(mask)).toArray(INDArray[]::new);
            }
            return new MultiDataSet(new INDArray[] {batchFeatures}, batchLabels, null, anyMask ? batchMasks : null);
        }

        private static INDArray twice(INDArray row) {
            return Nd4j.vstack(row, row);
        }

        private static INDArray rowsOf(INDArray array, int offset, int count) {
            return array.get(NDArrayIndex.interval(offset, offset + count), NDArrayIndex.all());
        }
    }

    /** DL4J divides each output's loss by the batch size; this makes it the mean over the task's own rows. */
    private double meanOverLabelled(String task, int[] indices) {
        boolean[] has = labelled.get(task);
        int count = 0;
        for (int index : indices) {
            if (has[index]) {
                count++;
            }
        }
        return count == 0 ? 0 : (double) indices.length / count;
    }
}
