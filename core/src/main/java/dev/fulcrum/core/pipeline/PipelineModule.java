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

    /** @param trial the study and trial the run is, or empty for a plain run */
    PipelineModule(ResolvedPipeline pipeline, HostRunContext context, RunProgress progress, Optional<StudyTrial> trial,
                   LaunchCommand command) {
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
    }

    @Provides
    @Singleton
    MetricsLog metricsLog(RunFolder folder) {
        return new MetricsLog(folder);
    }

    @Provides
    List<PipelineStage> stages(LoadDataStage data, SplitStage split, FeedbackStage feedback, FeatureStage features,
                               AdaptStage adapt, MitigateStage mitigate, ModelStage model, TrainStage train, TestStage test,
                               PostProcessStage postProcess, AuditStage audit) {
        // Without a feedback: section there is no stage at all, so such a run's timings read as before.
        return pipeline.feedback().isEmpty()
                ? List.of(data, split, features, adapt, mitigate, model, train, test, postProcess, audit)
                : List.of(data, split, feedback, features, adapt, mitigate, model, train, test, postProcess, audit);
    }
}
