package dev.fulcrum.core.pipeline;

import dev.fulcrum.core.config.PipelineConfig;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.RunFolder;
import dev.fulcrum.core.run.ScratchFolder;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;

/** Validates and runs pipelines on a host. */
public final class PipelineLauncher {

    private final FulcrumHost host;
    private final RunProgress progress;
    private final LaunchCommand command;

    public PipelineLauncher(FulcrumHost host, RunProgress progress) {
        this(host, progress, LaunchCommand.NONE);
    }

    /** @param command the launcher command its runs come from, recorded in their summaries */
    public PipelineLauncher(FulcrumHost host, RunProgress progress, LaunchCommand command) {
        this.host = host;
        this.progress = progress;
        this.command = command;
    }

    /**
     * Makes every component of the pipeline, checking types and params, without loading data or
     * training. Components see a temporary run folder, removed afterwards.
     */
    public ResolvedPipeline validate(PipelineConfig config) {
        try (ScratchFolder scratch = ScratchFolder.create("validate")) {
            return new PipelineResolver(host.catalog()).resolve(config, new HostRunContext(config.seed(), scratch.runFolder()));
        }
    }

    /**
     * Validates the pipeline, then creates its run folder under {@code runsRoot} and runs it. Bad
     * config throws before any folder is created; later failures end in the folder's summary.
     */
    public RunOutcome run(PipelineConfig config, Path runsRoot) {
        validate(config);
        return runIn(config, RunFolder.create(runsRoot, config.name(), LocalDateTime.now()), Optional.empty());
    }

    /**
     * Runs a pipeline that {@link #validate} accepted as one trial of a study, in a folder made for it.
     * Its summary and provenance name the study and trial, and {@code trial}'s listener hears every epoch.
     */
    public RunOutcome runTrial(PipelineConfig config, RunFolder folder, StudyTrial trial) {
        return runIn(config, folder, Optional.of(trial));
    }

    /**
     * Runs a pipeline that {@link #validate} accepted in {@code folder}, leaving out the training rows
     * {@code heldOut} names (one fold of {@code fulcrum review}'s cross-fitting).
     */
    public RunOutcome runHoldingOut(PipelineConfig config, RunFolder folder, HeldOutRows heldOut) {
        return runIn(config, folder, Optional.empty(), heldOut);
    }

    /**
     * Continues a run whose process was killed, in its own folder, from its last checkpoints: the stages before
     * training run again (they are deterministic), training picks up after the last saved epoch, and the run ends
     * with the files the uninterrupted run would have written. {@link RunResume} checks that it is the same run.
     */
    public RunOutcome resume(PipelineConfig config, RunFolder folder) {
        return runIn(config, folder, Optional.empty(), HeldOutRows.NONE, true);
    }

    private RunOutcome runIn(PipelineConfig config, RunFolder folder, Optional<StudyTrial> trial) {
        return runIn(config, folder, trial, HeldOutRows.NONE, false);
    }

    private RunOutcome runIn(PipelineConfig config, RunFolder folder, Optional<StudyTrial> trial, HeldOutRows heldOut) {
        return runIn(config, folder, trial, heldOut, false);
    }

    private RunOutcome runIn(PipelineConfig config, RunFolder folder, Optional<StudyTrial> trial, HeldOutRows heldOut,
                             boolean resume) {
        HostRunContext context = new HostRunContext(config.seed(), folder);
        ResolvedPipeline pipeline = new PipelineResolver(host.catalog()).resolve(config, context);
        progress.note((resume ? "resume " : "run ") + pipeline.name() + " (seed " + pipeline.seed() + ") in " + folder.path());
        return host.injector().createChildInjector(new PipelineModule(pipeline, context, progress, trial, command, heldOut,
                resume)).getInstance(PipelineRunner.class).run();
    }
}
