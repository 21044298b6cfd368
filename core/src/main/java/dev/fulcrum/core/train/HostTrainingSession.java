package dev.fulcrum.core.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.MetricNames;
import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.augment.Augmenter;
import dev.fulcrum.api.augment.Batch;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.model.LayerActivations;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.api.train.EarlyStopping;
import dev.fulcrum.api.train.Interpolation;
import dev.fulcrum.api.train.InterpolationCurve;
import dev.fulcrum.api.train.LayerChoice;
import dev.fulcrum.api.train.Phase;
import dev.fulcrum.api.train.PhaseResult;
import dev.fulcrum.api.train.DomainAdversary;
import dev.fulcrum.api.train.TrainingSession;
import dev.fulcrum.core.run.CrashHook;
import dev.fulcrum.core.run.Digests;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.run.MetricsLog;
import dev.fulcrum.core.run.ModelArchive;
import dev.fulcrum.core.representation.TrunkActivations;
import dev.fulcrum.core.resources.ModelCost;
import dev.fulcrum.core.threads.FitThreadChoice;
import dev.fulcrum.core.threads.ThreadSettings;
import dev.fulcrum.math.cost.LayerFlops;
import dev.fulcrum.math.random.RandomArrays;
import dev.fulcrum.math.weights.ParameterTables;
import dev.fulcrum.runtime.Seeds;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The host's training loop. Per epoch: set every layer's learning rate from the phase's schedule,
 * augment the phase's training rows, shuffle, fit mini-batches, validate, log, and decide on early
 * stopping. Per-row sample weights and task loss weights enter through DL4J's label masks, which
 * scale each row's loss and gradient. A phase with a {@link DomainAdversary} trains a copy of the
 * model with a domain classifier attached, on every training row, and copies the parameters back.
 * Each phase's cost (samples, fitting seconds, trainable parameters, training FLOPs) is counted, and
 * against the run's {@link TrainingBudget}, which may end training after an epoch.
 */
public final class HostTrainingSession implements TrainingSession {

    private static final Set<String> METRICS = Set.of(MetricNames.ACCURACY, MetricNames.MACRO_F1, MetricNames.LOSS);

    private final TrainableModel model;
    private final Dataset data;
    private final List<Augmenter> augmenters;
    private final RunContext context;
    private final MetricsLog metricsLog;
    private final TrainingProgress progress;
    private final Runnable onSpecificTrainingStart;
    private final EpochListener epochListener;
    private final List<PhaseResult> results = new ArrayList<>();
    private final List<PhaseCost> costs = new ArrayList<>();
    private final TrainingBudget budget;
    private final LearningRates learningRates;
    private final Checkpoints checkpoints;
    private int fitCalls;
    private boolean specificTrainingStarted;
    private int globalEpoch;
    /** theta_0, once a phase has kept it, and the phase that did; else {@code null}. */
    private Map<String, INDArray> startingPoint;
    private String startingPointPhase;
    private InterpolationOutcome interpolation;
    /** The saved theta_0 the run started from, or {@code null}. */
    private StartingPointSource startedFrom;
    private final List<AveragingOutcome> averaging = new ArrayList<>();
    private LayerChoice layerChoice;

    /**
     * @param data                    all rows; the session uses only the training and validation partitions
     * @param onSpecificTrainingStart what the host measures when the strategy says specific training starts
     */
    public HostTrainingSession(TrainableModel model, Dataset data, List<Augmenter> augmenters, RunContext context,
                               MetricsLog metricsLog, TrainingProgress progress, Runnable onSpecificTrainingStart) {
        this(model, data, augmenters, context, metricsLog, progress, onSpecificTrainingStart, EpochListener.NONE);
    }

    /** @param epochListener told every epoch's validation metrics (a study's trial reports them and may be pruned) */
    public HostTrainingSession(TrainableModel model, Dataset data, List<Augmenter> augmenters, RunContext context,
                               MetricsLog metricsLog, TrainingProgress progress, Runnable onSpecificTrainingStart,
                               EpochListener epochListener) {
        this(model, data, augmenters, context, metricsLog, progress, onSpecificTrainingStart, epochListener, TrainingBudget.none());
    }

    /** @param budget what training may spend; shared by the sessions of one run */
    public HostTrainingSession(TrainableModel model, Dataset data, List<Augmenter> augmenters, RunContext context,
                               MetricsLog metricsLog, TrainingProgress progress, Runnable onSpecificTrainingStart,
                               EpochListener epochListener, TrainingBudget budget) {
        this(model, data, augmenters, context, metricsLog, progress, onSpecificTrainingStart, epochListener, budget,
                Checkpoints.none());
    }

    /** @param checkpoints where the session saves its state, and reads it back when it resumes an interrupted run */
    public HostTrainingSession(TrainableModel model, Dataset data, List<Augmenter> augmenters, RunContext context,
                               MetricsLog metricsLog, TrainingProgress progress, Runnable onSpecificTrainingStart,
                               EpochListener epochListener, TrainingBudget budget, Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
        this.budget = budget;
        this.model = model;
        this.data = data;
        this.augmenters = List.copyOf(augmenters);
        this.context = context;
        this.metricsLog = metricsLog;
        this.progress = progress;
        this.onSpecificTrainingStart = onSpecificTrainingStart;
        this.epochListener = epochListener;
        this.learningRates = new LearningRates(model.graph());
    }

    @Override
    public TrainableModel model() {
        return model;
    }

    @Override
    public Schema schema() {
        return data.schema();
    }

    @Override
    public int trainingRows(String task) {
        return data.labelledRows(task, Partition.TRAIN).length;
    }

    @Override
    public RunContext context() {
        return context;
    }

    @Override
    public void specificTrainingStarts() {
        if (specificTrainingStarted) {
            throw new IllegalStateException("specificTrainingStarts() was already called in this run");
        }
        specificTrainingStarted = true;
        onSpecificTrainingStart.run();
    }

    @Override
    public LayerActivations trunkActivations(String task, int maxRows) {
        int[] rows = sampledTrainingRows(task, maxRows);
        int[] labels = data.labels(task);
        int[] rowLabels = Arrays.stream(rows).map(row -> labels[row]).toArray();
        int classes = data.schema().task(task).orElseThrow().classCount();
        return new LayerActivations(TrunkActivations.of(model, Nd4j.pullRows(data.features(), 1, rows)), rowLabels, classes);
    }

    @Override
    public INDArray trainingInputs(String task, int maxRows) {
        return Nd4j.pullRows(data.features(), 1, sampledTrainingRows(task, maxRows));
    }

    /** The task's labelled training rows, or a seeded sample of {@code maxRows} of them, in row order. */
    private int[] sampledTrainingRows(String task, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, got " + maxRows);
        }
        int[] labelled = data.labelledRows(task, Partition.TRAIN);
        if (labelled.length == 0) {
            throw new InvalidInputException("task " + task + " has no labelled training rows to measure the trunk's layers on");
        }
        return RandomArrays.sample(labelled, maxRows, new SplittableRandom(context.seedFor("activations/" + task)));
    }

    @Override
    public void reportLayerChoice(LayerChoice choice) {
        if (layerChoice != null) {
            throw new IllegalStateException("reportLayerChoice() was already called in this run");
        }
        layerChoice = choice;
    }

    /** How the strategy chose the layers it froze, if it said. */
    public Optional<LayerChoice> layerChoice() {
        return Optional.ofNullable(layerChoice);
    }

    @Override
    public InterpolationCurve interpolate(Interpolation settings) {
        if (interpolation != null) {
            throw new IllegalStateException("interpolate() was already called in this run");
        }
        if (startingPoint == null) {
            throw new InvalidInputException("interpolate: no phase kept theta_0 (the model as specific training starts), "
                    + "so there is nothing to interpolate from");
        }
        if (settings.rule().equals(Interpolation.RULE_SPECIFIC) && data.labelledRows(Tasks.GENERAL, Partition.VALIDATION).length == 0) {
            throw new InvalidInputException("interpolate.rule: specific keeps the general validation accuracy at least "
                    + "min-general, but the general task has no labelled validation rows");
        }
        long started = System.nanoTime();
        ComputationGraph graph = model.graph();
        Map<String, INDArray> fineTuned = ParameterTables.copy(graph.paramTable());
        WeightSweep sweep = new WeightSweep(graph, startingPoint, fineTuned, data.features(), data.rowsIn(Partition.TRAIN));
        List<InterpolationCurve.Point> points = new ArrayList<>();
        for (double alpha : settings.alphas()) {
            sweep.moveTo(alpha);
            Map<String, Map<String, Double>> validation = validate();
            points.add(new InterpolationCurve.Point(alpha, TwoSidedScore.accuracy(validation, Tasks.SPECIFIC),
                    TwoSidedScore.accuracy(validation, Tasks.GENERAL)));
        }
        AlphaRule.Choice choice = AlphaRule.choose(points, settings);
        sweep.moveTo(choice.point().alpha());
        InterpolationCurve curve = new InterpolationCurve(points, choice.point().alpha());
        interpolation = new InterpolationOutcome(settings, curve, choice.point(), choice.met(), fineTuned,
                (System.nanoTime() - started) / 1e9);
        return curve;
    }

    @Override
    public void startFrom(Path source) {
        if (!results.isEmpty() || startingPoint != null) {
            throw new IllegalStateException("startFrom() comes before the first phase, once; "
                    + (startingPoint != null ? "theta_0 was already kept by " + startingPointPhase : "a phase already ran"));
        }
        Path file = Files.isDirectory(source) ? source.resolve(ModelArchive.STARTING_POINT) : source;
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(source + ": " + (Files.isDirectory(source) ? "the run folder has no "
                    + ModelArchive.STARTING_POINT + " (only runs whose strategy keeps theta_0 have one)" : "no such file"));
        }
        ComputationGraph saved = ModelArchive.readNetwork(file);
        ComputationGraph graph = model.graph();
        ParameterTables.requireSame(saved.paramTable(), file.toString(), graph.paramTable(), "this run's model");
        saved.paramTable().forEach((name, values) -> graph.setParam(name, values));
        startingPoint = ParameterTables.copy(graph.paramTable());
        startingPointPhase = "startFrom(" + file + ")";
        startedFrom = new StartingPointSource(file.toAbsolutePath().normalize(), Digests.sha256(file));
    }

    /** The saved theta_0 the run started from, if {@link #startFrom} was called. */
    public Optional<StartingPointSource> startedFrom() {
        return Optional.ofNullable(startedFrom);
    }

    /** What each phase that averaged its weights did, in phase order. */
    public List<AveragingOutcome> averaging() {
        return List.copyOf(averaging);
    }

    /** theta_0 as a phase kept it (a copy of the parameter table), if one did. */
    public Optional<Map<String, INDArray>> startingPoint() {
        return Optional.ofNullable(startingPoint);
    }

    /** What {@link #interpolate} did, if the strategy called it. */
    public Optional<InterpolationOutcome> interpolation() {
        return Optional.ofNullable(interpolation);
    }

    @Override
    public Map<String, Map<String, Double>> validate() {
        return Evaluator.evaluate(model, data, Partition.VALIDATION);
    }

    /** The phases run so far, in order. */
    public List<PhaseResult> results() {
        return List.copyOf(results);
    }

    /** What each phase run so far cost, in order. */
    public List<PhaseCost> costs() {
        return List.copyOf(costs);
    }

    @Override
    public PhaseResult fit(Phase phase) {
        if (interpolation != null) {
            throw new IllegalStateException("phase " + phase.name() + " comes after interpolate(), which must come after "
                    + "the last phase: the updater's state belongs to theta_1, not to the interpolated model");
        }
        checkPhase(phase);
        int index = fitCalls++;
        Optional<TrainingCheckpoint> done = checkpoints.afterPhase(index);
        if (done.isPresent()) {
            restore(done.get(), phase, index);
            return results.get(results.size() - 1);
        }
        if (budget.exhausted()) {
            return skipped(phase);
        }
        if (phase.domainAdversary() == null) {
            return run(phase, index, model, TrainingRows.of(data, phase.taskWeights().keySet()), null);
        }
        Batch rows = TrainingRows.adversarial(data, phase.taskWeights().keySet());
        long batches = (long) phase.epochs() * ((rows.rows() + phase.batchSize() - 1) / phase.batchSize());
        AdversarialModel adversarial = AdversarialModel.attach(model, data.schema().domains().size(), phase.domainAdversary(), batches);
        Phase withClassifier = phase.toBuilder().task(DomainAdversary.OUTPUT).build();
        return run(withClassifier, index, adversarial.model(), rows, adversarial);
    }

    /** Puts the session back as a checkpoint saved it, refusing one that another sequence of phases left. */
    private void restore(TrainingCheckpoint checkpoint, Phase phase, int index) {
        String saved = checkpoint.phase();
        if (!saved.equals(phase.name())) {
            throw new InvalidInputException("the checkpoint of phase " + (index + 1) + " is of phase " + saved + ", but the "
                    + "strategy's phase " + (index + 1) + " is " + phase.name() + ": it is not this run's; run again without --resume");
        }
        ComputationGraph graph = model.graph();
        graph.setParams(checkpoint.params());
        if (!checkpoint.layerRates().isEmpty()) {
            learningRates.apply(checkpoint.layerRates());
        }
        if (checkpoint.updaterState() != null) {
            INDArray state = graph.getUpdater(true).getStateViewArray();
            if (state.length() != checkpoint.updaterState().length()) {
                throw new InvalidInputException("the checkpoint's updater state has " + checkpoint.updaterState().length()
                        + " values, this run's model " + state.length() + ": it is not this run's; run again without --resume");
            }
            state.assign(checkpoint.updaterState());
        }
        graph.getConfiguration().setIterationCount(checkpoint.iterationCount());
        graph.getConfiguration().setEpochCount(checkpoint.epochCount());
        results.clear();
        results.addAll(checkpoint.results());
        costs.clear();
        costs.addAll(checkpoint.costs());
        averaging.clear();
        averaging.addAll(checkpoint.averaging());
        startingPoint = checkpoint.startingPoint();
        startingPointPhase = checkpoint.startingPointPhase();
        budget.restore(checkpoint.budget());
        globalEpoch = checkpoint.globalEpoch();
        metricsLog.replaceWith(checkpoint.metricsLines());
    }

    /** The session as it is now, {@code phasesDone} phases done, inside the next one where {@code loop} says. */
    private TrainingCheckpoint snapshot(int phasesDone, TrainingCheckpoint.InPhase loop) {
        ComputationGraph graph = model.graph();
        org.deeplearning4j.nn.updater.graph.ComputationGraphUpdater updater = graph.getUpdater(false);
        return new TrainingCheckpoint(phasesDone, graph.params(), updater == null ? null : updater.getStateViewArray(),
                learningRates.current(), graph.getConfiguration().getIterationCount(), graph.getConfiguration().getEpochCount(), List.copyOf(results),
                List.copyOf(costs), List.copyOf(averaging), startingPoint, startingPointPhase, budget.state(), globalEpoch,
                metricsLog.lines(), loop);
    }

    /**
     * A phase that runs no epoch, since the budget ran out before it: the model stays as it is (and is
     * theta_0 where the phase would have kept it), so the strategy goes on as after any phase.
     */
    private PhaseResult skipped(Phase phase) {
        if (phase.keepStartingPointAfter() != null && startingPoint == null) {
            keepStartingPoint(phase);
        }
        PhaseResult result = new PhaseResult(phase.name(), 0, 0, Double.NaN, false, 0);
        results.add(result);
        costs.add(new PhaseCost(phase.name(), 0, 0, 0, 0, 0, 0, Map.of()));
        return result;
    }

    /**
     * The epoch loop. {@code trained} is the model that learns: the session's own, or the copy of an
     * {@code adversarial} model (else {@code null}), whose parameters go back into the session's
     * model before each validation and at the end, and whose domain classifier's accuracy and lambda
     * are logged with each epoch.
     */
    private PhaseResult run(Phase phase, int index, TrainableModel trained, Batch rows, AdversarialModel adversarial) {
        EarlyStopping stopping = phase.earlyStopping();
        MiniBatches firstEpoch = new MiniBatches(rows, trained, phase, 0);
        ComputationGraph graph = trained.graph();
        ModelCost cost = ModelCost.of(graph, ModelCost.inputType(data.schema()));
        long forwardFlops = cost.forwardFlops();
        budget.requireOneEpoch(phase.name(), firstEpoch.samples(), LayerFlops.training(firstEpoch.samples(), forwardFlops));
        progress.phaseStarted(phase.name(), phase.epochs(), rows.rows(), firstEpoch.batchCount());
        LearningRates rates = trained == model ? learningRates : new LearningRates(graph);
        ThreadSettings threads = ThreadSettings.apply();
        long started = System.nanoTime();
        double best = Double.NaN;
        int bestEpoch = 0;
        INDArray bestParams = null;
        int epochsRun = 0;
        boolean stoppedEarly = false;
        PhaseAverager averager = phase.averageWeights() == null ? null
                : new PhaseAverager(phase.averageWeights(), graph, new BatchNormStatistics(graph).parameters());
        Set<String> trainedLayers = new LinkedHashSet<>();
        long samples = 0;
        double fitting = 0;
        // The epoch loop's state is plain numbers and the model only where no domain classifier or average rides along.
        boolean epochCheckpoints = adversarial == null && averager == null;
        TrainingCheckpoint resumed = epochCheckpoints ? checkpoints.inPhase(index).orElse(null) : null;
        if (resumed != null) {
            restore(resumed, phase, index);
            TrainingCheckpoint.InPhase loop = resumed.inPhase();
            epochsRun = loop.epochsRun();
            best = loop.best();
            bestEpoch = loop.bestEpoch();
            bestParams = loop.bestParams();
            trainedLayers.addAll(loop.trainedLayers());
            samples = loop.samples();
            fitting = loop.fitSeconds();
            started -= (long) (loop.seconds() * 1e9);
        }
        FitThreadChoice fitThreads = FitThreadChoice.forPhase(threads, phase.batchSize(), firstEpoch.batchCount(), phase.epochs(), epochsRun);
        for (int epoch = epochsRun; epoch < phase.epochs(); epoch++) {
            if (Integer.valueOf(epoch).equals(phase.keepStartingPointAfter())) {
                keepStartingPoint(phase);
            }
            long epochStarted = System.nanoTime();
            globalEpoch++;
            // Dropout and other noise draw from ND4J's generator: seeded per epoch, an epoch's draws do not depend
            // on what ran before it in this process, so a resumed run draws what the uninterrupted one did.
            Nd4j.getRandom().setSeed(seedFor(phase, "dropout/" + globalEpoch));
            applyLearningRates(phase, trained, rates, epoch).forEach((layer, rate) -> {
                if (rate > 0) {
                    trainedLayers.add(layer);
                }
            });
            Batch epochRows = augment(rows, phase);
            MiniBatches batches = new MiniBatches(epochRows, trained, phase, seedFor(phase, "shuffle/" + globalEpoch));
            long fitStarted = System.nanoTime();
            MiniBatches.Fit fit;
            int phaseEpoch = epoch;
            boolean measuring = fitThreads.measuresIn(epoch);
            if (measuring) {
                fitThreads.epochStarted();
            }
            threads.use(fitThreads.threadsNow(epoch));
            try {
                fit = batches.fitAll(graph, (done, total, rowsFitted) -> {
                    if (measuring) {
                        fitThreads.batchDone(rowsFitted);
                        threads.use(fitThreads.threadsNow(phaseEpoch));
                    }
                    progress.batchDone(phase.name(), globalEpoch, done, total);
                    CrashHook.batchDone();
                    if (averager != null) {
                        averager.iterationDone();
                    }
                }, fitThreads.prefetch(ThreadSettings.cores(), epoch));
            } finally {
                threads.use(threads.blasThreads());
            }
            if (averager != null) {
                averager.epochDone();
            }
            double fitSeconds = (System.nanoTime() - fitStarted) / 1e9;
            double trainLoss = fit.meanLoss();
            epochsRun = epoch + 1;
            Map<String, Double> trainExtras = new LinkedHashMap<>();
            if (adversarial != null) {
                adversarial.copyParametersToOriginal();
                trainExtras.put("domain_classifier_accuracy", adversarial.domainAccuracy(rows));
                trainExtras.put("lambda", adversarial.lambda());
            }
            Map<String, Map<String, Double>> validation = validate();
            double seconds = (System.nanoTime() - epochStarted) / 1e9;
            log(phase, epochsRun, epochRows.rows(), fit, fitSeconds, trainExtras, validation, seconds);
            double elapsed = (System.nanoTime() - started) / 1e9;
            progress.epochDone(new TrainingProgress.EpochReport(phase.name(), epochsRun, phase.epochs(), trainLoss,
                    validation, seconds, elapsed / epochsRun * (phase.epochs() - epochsRun)));
            samples += fit.samples();
            fitting += fitSeconds;
            boolean budgetSpent = budget.spend(phase.name(), epochsRun, globalEpoch, fit.samples(),
                    LayerFlops.training(fit.samples(), forwardFlops), seconds);
            Optional<String> sharedLimit = epochListener.epochDone(globalEpoch, validation, budget.spent());
            if (sharedLimit.isPresent()) {
                budget.stopBy(sharedLimit.get(), phase.name(), epochsRun, globalEpoch);
                budgetSpent = true;
            }
            if (stopping != null) {
                double value = validation.get(stopping.task()).get(stopping.metricName());
                if (bestParams == null || stopping.improves(value, best)) {
                    best = value;
                    bestEpoch = epochsRun;
                    bestParams = graph.params().dup();
                } else if (epochsRun - bestEpoch >= stopping.patience()) {
                    stoppedEarly = true;
                    break;
                }
            }
            if (budgetSpent) {
                break;
            }
            if (epochCheckpoints && epochsRun < phase.epochs() && checkpoints.due(globalEpoch)) {
                checkpoints.epochDone(snapshot(index, new TrainingCheckpoint.InPhase(phase.name(), epochsRun, best, bestEpoch,
                        bestParams, List.copyOf(trainedLayers), samples, fitting, (System.nanoTime() - started) / 1e9)));
            }
        }
        if (bestParams != null) {
            graph.setParams(bestParams);
            if (adversarial != null) {
                adversarial.copyParametersToOriginal();
            }
        }
        if (phase.keepStartingPointAfter() != null && startingPoint == null) {
            keepStartingPoint(phase);
        }
        if (averager != null) {
            averaging.add(average(phase, averager));
        }
        PhaseResult result = new PhaseResult(phase.name(), epochsRun, stopping == null ? epochsRun : bestEpoch, best,
                stoppedEarly, (System.nanoTime() - started) / 1e9);
        results.add(result);
        costs.add(new PhaseCost(phase.name(), epochsRun, samples, fitting,
                cost.trainableParameters(trainedLayers), forwardFlops, fitThreads.threads(), fitThreads.measured()));
        checkpoints.phaseDone(index, snapshot(index + 1, null));
        return result;
    }

    /**
     * Moves the model to the phase's average, with BatchNorm statistics measured again on the phase's
     * training rows (those labelled for one of its tasks), and validates before and after.
     */
    private AveragingOutcome average(Phase phase, PhaseAverager averager) {
        Map<String, Map<String, Double>> before = validate();
        ComputationGraph graph = model.graph();
        averager.average().forEach(graph::setParam);
        int[] phaseRows = phase.taskWeights().keySet().stream()
                .flatMapToInt(task -> IntStream.of(data.labelledRows(task, Partition.TRAIN))).distinct().sorted().toArray();
        new BatchNormStatistics(graph).reestimate(data.features(), phaseRows);
        Map<String, Map<String, Double>> after = validate();
        return new AveragingOutcome(phase.name(), phase.averageWeights(), averager.epochsAveraged(),
                averager.iterationsAveraged(), before, after);
    }

    /** Keeps the session's model as theta_0 (an adversarial phase copies its parameters back every epoch). */
    private void keepStartingPoint(Phase phase) {
        startingPoint = ParameterTables.copy(model.graph().paramTable());
        startingPointPhase = phase.name();
    }

    private void checkPhase(Phase phase) {
        if (phase.keepStartingPointAfter() != null && startingPointPhase != null) {
            throw new IllegalStateException("phase " + phase.name() + " keeps theta_0, which phase " + startingPointPhase
                    + " already kept; one phase of a run may keep it");
        }
        for (String task : phase.taskWeights().keySet()) {
            if (!model.headLayers().containsKey(task)) {
                throw new InvalidInputException("phase " + phase.name() + " trains task " + task
                        + ", which the model has no head for; heads: " + model.headLayers().keySet());
            }
            if (trainingRows(task) == 0) {
                throw new InvalidInputException("phase " + phase.name() + " trains task " + task
                        + ", which has no labelled training rows");
            }
        }
        if (phase.domainAdversary() != null && phase.averageWeights() != null) {
            throw new InvalidInputException("phase " + phase.name() + " averages its weights and trains against a domain "
                    + "classifier; weight averaging supports phases without one");
        }
        if (phase.domainAdversary() != null && !phase.rowShares().isEmpty()) {
            throw new InvalidInputException("phase " + phase.name() + " sets row shares and trains against a domain "
                    + "classifier; domain-adversarial phases draw batches from all training rows, so drop one of the two");
        }
        if (phase.domainAdversary() != null) {
            int[] domains = data.domains();
            if (Arrays.stream(data.rowsIn(Partition.TRAIN)).map(row -> domains[row]).distinct().count() < 2) {
                throw new InvalidInputException("phase " + phase.name() + " trains against a domain classifier, but all "
                        + "training rows come from one domain; it needs target-domain rows too");
            }
        }
        EarlyStopping stopping = phase.earlyStopping();
        if (stopping != null && (data.labelledRows(stopping.task(), Partition.VALIDATION).length == 0
                || !METRICS.contains(stopping.metricName()))) {
            throw new InvalidInputException("early-stopping metric \"" + stopping.metric() + "\" does not exist; "
                    + "validation metrics are " + availableMetrics());
        }
    }

    private String availableMetrics() {
        TreeSet<String> names = new TreeSet<>();
        for (String task : model.outputs()) {
            if (data.labelledRows(task, Partition.VALIDATION).length > 0) {
                METRICS.forEach(metric -> names.add(task + "." + metric));
            }
        }
        return names.isEmpty() ? "none (no labelled validation rows)" : String.join(", ", names);
    }

    /**
     * Sets each layer's rate from the schedule at this epoch; heads of tasks outside the phase stay frozen.
     * Returns every layer's rate.
     */
    private Map<String, Double> applyLearningRates(Phase phase, TrainableModel trained, LearningRates rates, int epoch) {
        Map<String, Double> multipliers = phase.layerRates().at(epoch);
        List<String> layers = trained.allLayers();
        for (String layer : multipliers.keySet()) {
            if (!layers.contains(layer)) {
                throw new InvalidInputException("phase " + phase.name() + " sets the rate of layer \"" + layer
                        + "\", which the model does not have; layers are " + layers);
            }
        }
        Map<String, Double> layerRates = new LinkedHashMap<>();
        for (String layer : layers) {
            double rate = phase.learningRate() * multipliers.getOrDefault(layer, 1.0);
            if (rate < 0 || !Double.isFinite(rate)) {
                throw new InvalidInputException("phase " + phase.name() + ": learning rate of layer " + layer
                        + " must be a finite number >= 0, got " + rate);
            }
            layerRates.put(layer, rate);
        }
        trained.headLayers().forEach((task, headLayers) -> {
            if (!phase.taskWeights().containsKey(task)) {
                headLayers.forEach(layer -> layerRates.put(layer, 0.0));
            }
        });
        rates.apply(layerRates);
        return layerRates;
    }

    private Batch augment(Batch rows, Phase phase) {
        Batch result = rows;
        for (int i = 0; i < augmenters.size(); i++) {
            result = augmenters.get(i).apply(result, seedFor(phase, "augment/" + i + "/epoch/" + globalEpoch));
        }
        return result;
    }

    /** A stream of the run's seed, or of the phase's own where it has one. */
    private long seedFor(Phase phase, String stream) {
        return phase.seed() == null ? context.seedFor(stream) : Seeds.derive(phase.seed(), stream);
    }

    /** One line for training (speed counts fitting only), one for validation. */
    private void log(Phase phase, int epoch, int rows, MiniBatches.Fit fit, double fitSeconds, Map<String, Double> trainExtras,
                     Map<String, Map<String, Double>> validation, double seconds) {
        ObjectNode train = Json.object().put("phase", phase.name()).put("epoch", epoch).put("global_epoch", globalEpoch)
                .put("split", "train");
        Json.putNumber(train, "loss", fit.meanLoss());
        trainExtras.forEach((name, value) -> Json.putNumber(train, name, value));
        train.put("rows", rows).put("samples", fit.samples()).put("seconds", seconds).put("fit_seconds", fitSeconds)
                .put("batching_seconds", fit.batchingSeconds());
        Json.putNumber(train, "samples_per_second", fit.samples() / fitSeconds);
        metricsLog.append(train);
        ObjectNode validationLine = Json.object().put("phase", phase.name()).put("epoch", epoch)
                .put("global_epoch", globalEpoch).put("split", "validation");
        validationLine.set("metrics", Json.metrics(validation));
        metricsLog.append(validationLine);
    }
}
