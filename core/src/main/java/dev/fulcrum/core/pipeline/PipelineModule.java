package dev.fulcrum.core.pipeline;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.TypeLiteral;
import dev.fulcrum.api.RunContext;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.MetricsLog;
import dev.fulcrum.core.run.RunFolder;

import java.util.List;
import java.util.Optional;

/**
 * Wires one run: binds the resolved pipeline and the run's services, and lists the stages in the
 * order of the design: data, split, expert feedback (corrections files), features, domain adaptation, pre-training mitigation (weights),
 * model, training (augmentation and per-epoch evaluation inside it), test evaluation, post-processing
 * mitigation (decisions), bias audit. Reporters run after the summary.
 */
final class PipelineModule extends AbstractModule {

    private final ResolvedPipeline pipeline;
    private final HostRunContext context;
    private final RunProgress progress;
    private final Optional<StudyTrial> trial;
    private final LaunchCommand command;
    private final HeldOutRows heldOut;
    private final boolean resume;

    /**
     * @param trial   the study and trial the run is, or empty for a plain run
     * @param heldOut training rows the run leaves out (a fold of {@code fulcrum review}'s cross-fitting)
     * @param resume  whether the run continues an interrupted process of itself, in its folder
     */
    PipelineModule(ResolvedPipeline pipeline, HostRunContext context, RunProgress progress, Optional<StudyTrial> trial,
                   LaunchCommand command, HeldOutRows heldOut, boolean resume) {
        this.heldOut = heldOut;
        this.resume = resume;
        this.pipeline = pipeline;
        this.context = context;
        this.progress = progress;
        this.trial = trial;
        this.command = command;
    }

    @Override
    protected void configure() {
        bind(ResolvedPipeline.class).toInstance(pipeline);
        bind(HostRunContext.class).toInstance(context);
        bind(RunContext.class).toInstance(context);
        bind(RunFolder.class).toInstance(context.folder());
        bind(RunProgress.class).toInstance(progress);
        bind(new TypeLiteral<Optional<StudyTrial>>() { }).toInstance(trial);
        bind(LaunchCommand.class).toInstance(command);
        bind(HeldOutRows.class).toInstance(heldOut);
        bind(CheckpointPolicy.class).toInstance(trial.isPresent() || heldOut != HeldOutRows.NONE ? CheckpointPolicy.OFF
                : CheckpointPolicy.of(pipeline.checkpoint(), resume));
    }

    @Provides
    @Singleton
    MetricsLog metricsLog(RunFolder folder) {
        return new MetricsLog(folder);
    }

    @Provides
    List<PipelineStage> stages(LoadDataStage data, SplitStage split, FeedbackStage feedback, HoldOutStage holdOut,
                               FeatureStage features, AdaptStage adapt, MitigateStage mitigate, ModelStage model,
                               TrainStage train, TestStage test, PostProcessStage postProcess, AuditStage audit) {
        // A stage that has nothing to do is left out, so an ordinary run's stages (and timings) read as before. Only
        // a cross-fitting fold holds rows out, after the corrections, so a held-out row is dropped as corrected.
        List<PipelineStage> stages = new java.util.ArrayList<>(List.of(data, split));
        if (!pipeline.feedback().isEmpty()) {
            stages.add(feedback);
        }
        if (heldOut != HeldOutRows.NONE) {
            stages.add(holdOut);
        }
        stages.addAll(List.of(features, adapt, mitigate, model, train, test, postProcess, audit));
        return List.copyOf(stages);
    }
}
