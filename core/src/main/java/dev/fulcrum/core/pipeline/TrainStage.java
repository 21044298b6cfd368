package dev.fulcrum.core.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.MetricNames;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.augment.Augmenter;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.features.FeatureTransform;
import dev.fulcrum.api.train.InterpolationCurve;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.api.train.PhaseResult;
import dev.fulcrum.core.config.EnsembleConfig;
import dev.fulcrum.core.run.Digests;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.run.MetricsLog;
import dev.fulcrum.core.run.ModelArchive;
import dev.fulcrum.core.run.RunFolder;
import dev.fulcrum.core.run.Yaml;
import dev.fulcrum.core.train.AveragingOutcome;
import dev.fulcrum.core.train.Checkpoints;
import dev.fulcrum.core.train.EnsembleProbabilities;
import dev.fulcrum.core.train.EpochListener;
import dev.fulcrum.core.train.Evaluator;
import dev.fulcrum.core.train.HostTrainingSession;
import dev.fulcrum.core.train.InterpolationOutcome;
import dev.fulcrum.core.train.TrainingBudget;
import dev.fulcrum.runtime.config.ConfigPath;
import dev.fulcrum.runtime.ModelZip;
import dev.fulcrum.runtime.SchemaJson;
import dev.fulcrum.runtime.Seeds;
import jakarta.inject.Inject;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * Lets the strategy train the model through the host's session, then saves the model, and theta_0
 * ({@code theta0.zip}) where a phase kept it. When the strategy says specific training starts,
 * measures the general task on the test rows (which the strategy never sees), for the summary's
 * balance; after an interpolation, both tasks on the test rows at theta_1. With an {@code ensemble:}
 * section it trains every member this way, one after another on the same prepared rows, each in its
 * own folder ({@code members/K/}: {@code model.zip}, {@code theta0.zip}, {@code metrics.jsonl}), and
 * fits their combination; the summary's interpolation, where members interpolate, is member 1's.
 */
final class TrainStage implements PipelineStage {

    /** The folder of an ensemble's members, in the run folder. */
    static final String MEMBERS = "members";

    /** Where member {@code k}'s files go, relative to the run folder. */
    static String memberFolder(int k) {
        return MEMBERS + "/" + k;
    }

    private final ResolvedPipeline pipeline;
    private final HostRunContext context;
    private final MetricsLog metricsLog;
    private final RunProgress progress;
    private final Optional<StudyTrial> trial;
    private final CheckpointPolicy checkpoints;

    @Inject
    TrainStage(ResolvedPipeline pipeline, HostRunContext context, MetricsLog metricsLog, RunProgress progress,
               Optional<StudyTrial> trial, CheckpointPolicy checkpoints) {
        this.checkpoints = checkpoints;
        this.pipeline = pipeline;
        this.context = context;
        this.metricsLog = metricsLog;
        this.progress = progress;
        this.trial = trial;
    }

    @Override
    public String name() {
        return "train";
    }

    @Override
    public void run(PipelineState state) {
        if (pipeline.ensemble().isPresent()) {
            trainEnsemble(state, pipeline.ensemble().get());
            return;
        }
        state.budget = pipeline.budget().map(TrainingBudget::of).orElseGet(TrainingBudget::none);
        train(state, state.model, state.data, context, metricsLog, trial.map(StudyTrial::epochs).orElse(EpochListener.NONE),
                () -> state.generalBefore = generalBefore(state.model, state.data));
        save(state, state.model, context.folder());
    }

    /**
     * Member 1 keeps the run's seed, so it is the model the same pipeline trains without an ensemble;
     * member {@code k > 1} takes {@code Seeds.derive(seed, "member/k")} for every stream (model
     * init, shuffle, augmentation, bootstrap). Only member 1 reports epochs to a study's pruner,
     * whose epoch counts a second member would restart.
     */
    private void trainEnsemble(PipelineState state, EnsembleConfig ensemble) {
        List<TrainableModel> models = new ArrayList<>();
        List<EnsembleRecord.Member> members = new ArrayList<>();
        for (int k = 1; k <= ensemble.members(); k++) {
            long seed = k == 1 ? pipeline.seed() : Seeds.derive(pipeline.seed(), "member/" + k);
            RunFolder folder = memberFolder(k, context.folder());
            HostRunContext member = new HostRunContext(seed, folder);
            TrainableModel model = k == 1 ? state.model : ModelStage.build(pipeline, state.data.schema(), member);
            Dataset rows = state.data;
            Integer bootstrapRows = null;
            if (ensemble.bootstrap()) {
                int[] drawn = bootstrap(state.data, member.seedFor("bootstrap"));
                bootstrapRows = (int) Arrays.stream(drawn).filter(row -> state.data.partition(row) == Partition.TRAIN)
                        .distinct().count();
                rows = state.data.select(drawn);
            }
            progress.note(String.format(Locale.ROOT, "ensemble: member %d of %d (seed %d%s)", k, ensemble.members(), seed,
                    bootstrapRows == null ? "" : ", bootstrap sample with " + bootstrapRows + " distinct training rows"));
            Dataset trainedOn = rows;
            AtomicReference<Map<String, Double>> before = new AtomicReference<>();
            train(state, model, rows, member, new MetricsLog(folder),
                    k == 1 ? trial.map(StudyTrial::epochs).orElse(EpochListener.NONE) : EpochListener.NONE,
                    () -> before.set(generalBefore(model, trainedOn)));
            save(state, model, folder);
            String path = memberFolder(k) + "/" + ModelArchive.FILE;
            members.add(new EnsembleRecord.Member(k, seed, null, path, Digests.sha256(context.folder().resolve(path)),
                    bootstrapRows, EnsembleRecord.evaluations(model, state.data), before.get()));
            models.add(model);
        }
        state.ensemble = new EnsembleRecord(ensemble.vary(), ensemble.combine(), members,
                EnsembleProbabilities.fit(models, ensemble.rule(), state.data, "ensemble.combine"));
    }

    /** Every row outside the training partition once, then as many training rows as it has, drawn with replacement. */
    private static int[] bootstrap(Dataset data, long seed) {
        int[] train = data.rowsIn(Partition.TRAIN);
        SplittableRandom random = new SplittableRandom(seed);
        IntStream others = IntStream.range(0, data.rows()).filter(row -> data.partition(row) != Partition.TRAIN);
        return IntStream.concat(others, IntStream.generate(() -> train[random.nextInt(train.length)]).limit(train.length))
                .toArray();
    }

    private static RunFolder memberFolder(int k, RunFolder run) {
        try {
            return RunFolder.at(Files.createDirectories(run.resolve(memberFolder(k))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + run.resolve(memberFolder(k)), e);
        }
    }

    private void train(PipelineState state, TrainableModel model, Dataset data, HostRunContext runContext, MetricsLog log,
                       EpochListener epochs, Runnable onSpecificTrainingStart) {
        Checkpoints sessionCheckpoints = checkpoints.forSession(runContext.folder());
        state.checkpoints.put(context.folder().path().toAbsolutePath().relativize(runContext.folder().path().toAbsolutePath())
                .toString(), sessionCheckpoints);
        HostTrainingSession session = new HostTrainingSession(model, data,
                pipeline.augment().stream().map(Resolved::component).map(Augmenter.class::cast).toList(),
                runContext, log, progress, onSpecificTrainingStart, epochs,
                state.budget == null ? TrainingBudget.none() : state.budget, sessionCheckpoints);
        List<PhaseResult> phases;
        try {
            pipeline.strategy().component().train(session);
        } catch (TrainingBudget.BudgetTooSmall e) {
            throw pipeline.config().document().error(ConfigPath.ROOT.child("budget").child(e.limit()), e.problem());
        } finally {
            phases = session.results();
            state.phases.addAll(phases);
            state.phaseCosts.addAll(session.costs());
        }
        if (state.budget != null) {
            state.budget.stop().ifPresent(stop -> progress.note(String.format(Locale.ROOT,
                    "budget: %s ran out in phase %s, epoch %d; training stopped there", stop.limit(), stop.phase(), stop.epoch())));
        }
        if (phases.isEmpty()) {
            throw new IllegalStateException(pipeline.strategy().label() + " ran no training phase");
        }
        session.startingPoint().ifPresent(theta0 -> ModelArchive.writeStartingPoint(runContext.folder(), model.graph(), theta0));
        if (model == state.model) {
            session.averaging().forEach(outcome -> averaged(state, outcome));
            state.startedFrom = session.startedFrom().orElse(null);
            session.interpolation().ifPresent(outcome -> interpolated(state, outcome));
            state.layerChoice = session.layerChoice().orElse(null);
        }
    }

    private void save(PipelineState state, TrainableModel model, RunFolder folder) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(ModelZip.PIPELINE, Yaml.write(pipeline.resolvedConfig()));
        ObjectNode description = Json.object();
        description.set("trunk", Json.tree(model.trunkLayers()));
        description.set("heads", Json.tree(model.headLayers()));
        description.set("input_schema", SchemaJson.write(state.inputSchema));
        description.set("schema", SchemaJson.write(state.data.schema()));
        ArrayNode adapt = description.putArray("adapt");
        state.adaptations.forEach(saved -> adapt.addObject().put("type", saved.type()).put("at_prediction", saved.atPrediction().label()));
        texts.put(ModelZip.DESCRIPTION, Json.pretty(description));
        ModelArchive.write(folder, model, texts, state.featureTransforms.stream().map(FeatureTransform::state).toList(),
                state.adaptations.stream().map(SavedAdaptation::state).toList());
    }

    private void averaged(PipelineState state, AveragingOutcome outcome) {
        state.averaging.add(outcome);
        StringBuilder line = new StringBuilder("averaging: phase " + outcome.phase() + ", " + outcome.settings().describe());
        outcome.before().forEach((task, metrics) -> line.append(String.format(Locale.ROOT, "; validation %s accuracy %.4f -> %.4f",
                task, metrics.get(MetricNames.ACCURACY), outcome.after().get(task).get(MetricNames.ACCURACY))));
        progress.note(line.toString());
    }

    /**
     * Keeps the interpolation for the summary, with each task's test accuracy at theta_1, the model the
     * strategy's phases made (what the run would have been without interpolating); the model goes back
     * to the chosen alpha.
     */
    private void interpolated(PipelineState state, InterpolationOutcome outcome) {
        state.interpolation = outcome;
        ComputationGraph graph = state.model.graph();
        INDArray chosen = graph.params().dup();
        outcome.fineTuned().forEach(graph::setParam);
        Evaluator.evaluate(state.model, state.data, Partition.TEST)
                .forEach((task, metrics) -> state.fineTunedTest.put(task, metrics.get(MetricNames.ACCURACY)));
        graph.setParams(chosen);
        InterpolationCurve.Point point = outcome.chosen();
        progress.note(String.format(Locale.ROOT, "interpolation: alpha %s chosen by rule %s%s (validation specific %.4f, general %.4f), %.1f s",
                point.alpha(), outcome.settings().rule(), outcome.ruleMet() ? "" : ", whose constraint no alpha met",
                point.specific(), point.general(), outcome.seconds()));
    }

    /**
     * The general task's test metrics as the strategy starts on the specific task: the "before" of
     * forgetting; {@code null} without a general task.
     */
    private Map<String, Double> generalBefore(TrainableModel model, Dataset data) {
        int[] general = data.schema().task(Tasks.GENERAL).isPresent() ? data.labels(Tasks.GENERAL) : null;
        if (general == null) {
            return null;
        }
        Map<String, Double> before = Evaluator.evaluate(model, data, Partition.TEST,
                row -> general[row] != Dataset.NO_LABEL).get(Tasks.GENERAL);
        if (before != null) {
            progress.note(String.format(Locale.ROOT, "balance: general test accuracy %.4f before specific training",
                    before.get(MetricNames.ACCURACY)));
        }
        return before;
    }
}
