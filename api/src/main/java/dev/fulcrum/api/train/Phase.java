package dev.fulcrum.api.train;

import dev.fulcrum.api.Experimental;
import dev.fulcrum.api.Stable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One stretch of training: which tasks' heads learn (with their loss weights), for how many epochs,
 * at what rate, with which layers frozen or slowed, how mini-batches mix the tasks' rows, when to stop
 * early, and whether to train adversarially against a domain classifier. Heads of tasks not in the
 * phase are frozen. Build with {@link #named(String)}.
 */
@Stable
public final class Phase {

    private final String name;
    private final Map<String, Double> taskWeights;
    private final int epochs;
    private final int batchSize;
    private final double learningRate;
    private final LayerRates layerRates;
    private final EarlyStopping earlyStopping;
    private final DomainAdversary domainAdversary;
    private final Map<String, Double> rowShares;
    private final Integer keepStartingPointAfter;
    private final WeightAveraging averageWeights;
    private final Long seed;

    private Phase(Builder b) {
        this.name = b.name;
        this.taskWeights = Map.copyOf(b.taskWeights);
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.learningRate = b.learningRate;
        this.layerRates = b.layerRates;
        this.earlyStopping = b.earlyStopping;
        this.domainAdversary = b.domainAdversary;
        this.rowShares = Collections.unmodifiableMap(new LinkedHashMap<>(b.rowShares));
        this.keepStartingPointAfter = b.keepStartingPointAfter;
        this.averageWeights = b.averageWeights;
        this.seed = b.seed;
        if (taskWeights.isEmpty()) {
            throw new IllegalArgumentException("phase " + name + " trains no task");
        }
        if (epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("phase " + name + " needs positive epochs, batch size and learning rate");
        }
        checkRowShares();
        if (keepStartingPointAfter != null && (keepStartingPointAfter < 0 || keepStartingPointAfter > epochs)) {
            throw new IllegalArgumentException("phase " + name + " keeps the starting point after " + keepStartingPointAfter
                    + " epochs; expected 0 to its " + epochs + " epochs");
        }
    }

    private void checkRowShares() {
        if (rowShares.isEmpty()) {
            return;
        }
        if (!rowShares.keySet().equals(taskWeights.keySet())) {
            throw new IllegalArgumentException("phase " + name + ": row shares " + rowShares.keySet()
                    + " must name exactly the phase's tasks " + taskWeights.keySet());
        }
        double sum = 0;
        for (var share : rowShares.entrySet()) {
            if (!(share.getValue() > 0)) {
                throw new IllegalArgumentException("phase " + name + ": the row share of " + share.getKey()
                        + " must be positive, got " + share.getValue());
            }
            sum += share.getValue();
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException("phase " + name + ": row shares must add up to 1, got " + sum);
        }
        if (batchSize < rowShares.size()) {
            throw new IllegalArgumentException("phase " + name + ": a batch of " + batchSize
                    + " cannot hold rows of " + rowShares.size() + " tasks");
        }
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /** The tasks trained in this phase and their loss weights. */
    public Map<String, Double> taskWeights() {
        return taskWeights;
    }

    public int epochs() {
        return epochs;
    }

    public int batchSize() {
        return batchSize;
    }

    public double learningRate() {
        return learningRate;
    }

    public LayerRates layerRates() {
        return layerRates;
    }

    /** {@code null} when the phase runs all its epochs. */
    public EarlyStopping earlyStopping() {
        return earlyStopping;
    }

    /** Domain-adversarial training during this phase, or {@code null} for none. */
    @Experimental
    public DomainAdversary domainAdversary() {
        return domainAdversary;
    }

    /** A builder holding this phase's settings, to derive a phase from it. */
    public Builder toBuilder() {
        Builder builder = named(name).epochs(epochs).batchSize(batchSize).learningRate(learningRate).layerRates(layerRates)
                .earlyStopping(earlyStopping).domainAdversary(domainAdversary).rowShares(rowShares);
        if (keepStartingPointAfter != null) {
            builder.keepStartingPointAfter(keepStartingPointAfter);
        }
        builder.averageWeights(averageWeights).seed(seed);
        taskWeights.forEach(builder::task);
        return builder;
    }

    /**
     * Per task, the share of every mini-batch drawn from the rows labelled for it; empty when batches
     * are cut from all the phase's rows as they come. With shares, an epoch is one pass over the rows
     * of the task that needs the most batches; the other tasks' rows are cycled through, reshuffled
     * on each pass, and each task's loss is the mean over the rows labelled for it in the batch (times
     * its loss weight), as in a sum of per-task losses.
     */
    public Map<String, Double> rowShares() {
        return rowShares;
    }

    /**
     * After how many of this phase's epochs the host keeps theta_0, the model as specific training
     * starts, for weight-space interpolation and soups; {@code null} when this phase keeps none.
     * See {@link Builder#keepStartingPointAfter(int)}.
     */
    @Experimental
    public Integer keepStartingPointAfter() {
        return keepStartingPointAfter;
    }

    /** How the phase averages its weights at its end (see {@link WeightAveraging}), or {@code null} for not. */
    @Experimental
    public WeightAveraging averageWeights() {
        return averageWeights;
    }

    /**
     * The seed this phase's mini-batch order and augmentation draw from instead of the run's streams, or
     * {@code null} for the run's. See {@link Builder#seed(Long)}.
     */
    @Experimental
    public Long seed() {
        return seed;
    }

    public static final class Builder {
        private final String name;
        private final Map<String, Double> taskWeights = new LinkedHashMap<>();
        private int epochs = 10;
        private int batchSize = 128;
        private double learningRate = 1e-3;
        private LayerRates layerRates = LayerRates.UNIFORM;
        private EarlyStopping earlyStopping;
        private DomainAdversary domainAdversary;
        private final Map<String, Double> rowShares = new LinkedHashMap<>();
        private Integer keepStartingPointAfter;
        private WeightAveraging averageWeights;
        private Long seed;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** Trains a task's head with loss weight 1. */
        public Builder task(String task) {
            return task(task, 1.0);
        }

        public Builder task(String task, double lossWeight) {
            taskWeights.put(task, lossWeight);
            return this;
        }

        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        public Builder layerRates(LayerRates value) {
            layerRates = Objects.requireNonNull(value, "layerRates");
            return this;
        }

        public Builder earlyStopping(EarlyStopping value) {
            earlyStopping = value;
            return this;
        }

        /** Trains adversarially against a domain classifier (see {@link DomainAdversary}); {@code null}: not. */
        @Experimental
        public Builder domainAdversary(DomainAdversary value) {
            domainAdversary = value;
            return this;
        }

        /** Fixes the share of each mini-batch that comes from each task's rows (see {@link Phase#rowShares()}). */
        public Builder rowShares(Map<String, Double> shares) {
            rowShares.clear();
            rowShares.putAll(shares);
            return this;
        }

        /**
         * Keeps theta_0 after this many epochs of the phase (0: at its start; at its end if it stops
         * sooner): the model when the specific task starts to move the trunk, after the epochs in
         * which its head learns alone, so that theta_0's specific head is a trained linear probe
         * (LP-FT, Kumar et al. 2022). The host saves it in the run folder ({@code theta0.zip});
         * {@link TrainingSession#interpolate(Interpolation)} and soups start from it. One phase of
         * a run may keep it.
         */
        @Experimental
        public Builder keepStartingPointAfter(int epochs) {
            keepStartingPointAfter = epochs;
            return this;
        }

        /**
         * Ends the phase at an average of its weights (SWA or an EMA, see {@link WeightAveraging}), with
         * BatchNorm statistics measured again on the phase's training rows; {@code null}: no averaging.
         * The summary reports validation of both tasks before and after averaging.
         */
        @Experimental
        public Builder averageWeights(WeightAveraging value) {
            averageWeights = value;
            return this;
        }

        /**
         * Draws this phase's mini-batch order and augmentation from {@code value} instead of the run's seed,
         * which also draws the data and the split: so fine-tunes of one theta_0 on the same rows can differ
         * in their training alone, as a soup's ingredients do. {@code null}: the run's streams.
         */
        @Experimental
        public Builder seed(Long value) {
            seed = value;
            return this;
        }

        public Phase build() {
            return new Phase(this);
        }
    }
}
