package dev.fulcrum.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.report.Reporter;
import dev.fulcrum.api.report.RunSummary;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.resources.MemoryPeaks;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.run.MetricsLog;
import dev.fulcrum.core.run.Yaml;
import dev.fulcrum.core.threads.BlasCheck;
import dev.fulcrum.core.threads.ThreadSettings;
import dev.fulcrum.core.train.TrialPruned;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs the stages of one pipeline in order and writes the run folder. Whatever happens, the folder
 * ends with {@code config.yaml}, {@code provenance.json} and a {@code summary.json} that says
 * whether the run succeeded and, if not, in which stage and why. A run whose stages all finished
 * but whose bias audit failed a policy gate ends as {@link RunStatus#GATE_FAILED}, with its model
 * saved and its reporters run.
 */
final class PipelineRunner {

    private static final Logger log = LoggerFactory.getLogger(PipelineRunner.class);

    static final String SUMMARY = "summary.json";

    private final List<PipelineStage> stages;
    private final ResolvedPipeline pipeline;
    private final HostRunContext context;
    private final FulcrumHost host;
    private final MetricsLog metricsLog;
    private final RunProgress progress;
    private final Optional<StudyTrial> trial;
    private final LaunchCommand command;
    private final CheckpointPolicy checkpoints;

    @Inject
    PipelineRunner(List<PipelineStage> stages, ResolvedPipeline pipeline, HostRunContext context, FulcrumHost host,
                   MetricsLog metricsLog, RunProgress progress, Optional<StudyTrial> trial, LaunchCommand command,
                   CheckpointPolicy checkpoints) {
        this.checkpoints = checkpoints;
        this.stages = stages;
        this.pipeline = pipeline;
        this.context = context;
        this.host = host;
        this.metricsLog = metricsLog;
        this.progress = progress;
        this.trial = trial;
        this.command = command;
    }

    RunOutcome run() {
        Instant started = Instant.now();
        PipelineState state = new PipelineState();
        context.writeArtifact("config.yaml", Yaml.write(pipeline.resolvedConfig()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ThreadSettings threads = ThreadSettings.apply();
        state.threads = threads;
        state.checkpointPolicy = checkpoints;
        if (checkpoints.enabled()) {
            RunIdentity.of(pipeline, host, threads).write(context.folder());
        }
        MemoryPeaks memory = MemoryPeaks.start();
        BlasCheck blas = BlasCheck.run();
        RunStatus status = RunStatus.SUCCEEDED;
        Throwable failure = null;
        String failedStage = null;
        Integer prunedAfter = null;
        try {
            blas.require();
            for (PipelineStage stage : stages) {
                failedStage = stage.name();
                long stageStarted = System.nanoTime();
                stage.run(state);
                state.stageSeconds.put(stage.name(), (System.nanoTime() - stageStarted) / 1e9);
            }
            failedStage = null;
            if (state.gates().stream().anyMatch(gate -> !gate.passed())) {
                status = RunStatus.GATE_FAILED;
            }
        } catch (TrialPruned e) {
            status = RunStatus.PRUNED;
            prunedAfter = e.epoch();
            failedStage = null;
        } catch (InvalidInputException e) {
            status = RunStatus.INVALID_INPUT;
            failure = e;
        } catch (Exception | LinkageError | OutOfMemoryError e) {
            log.error("Run {} failed in stage {}", pipeline.name(), failedStage, e);
            status = RunStatus.FAILED;
            failure = e;
        }
        state.memory = memory.stop();
        writeProvenance(threads, blas, state);
        RunRecords records = new RunRecords(state, started, prunedAfter);
        ObjectNode summary = writeSummary(records, status, failure, failedStage);
        if (status == RunStatus.SUCCEEDED || status == RunStatus.GATE_FAILED) {
            Throwable reportFailure = report(state, summary, status);
            if (reportFailure != null) {
                status = RunStatus.FAILED;
                summary = writeSummary(records, status, reportFailure, "report");
            }
        }
        if (checkpoints.enabled()) {
            // Only a run that broke mid-way with training saved is worth resuming; bad input or a pruned trial is not.
            boolean ended = status == RunStatus.SUCCEEDED || status == RunStatus.GATE_FAILED;
            if (ended || status != RunStatus.FAILED || !RunResume.hasCheckpoints(context.runFolder())) {
                RunResume.removeCheckpoints(context.runFolder(), ended && checkpoints.settings().keep());
            }
        }
        return new RunOutcome(status, context.runFolder(), summary);
    }

    private void writeProvenance(ThreadSettings threads, BlasCheck blas, PipelineState state) {
        context.writeArtifact("provenance.json", Json.pretty(ProvenanceBuilder.build(pipeline, host, context.inputs(),
                threads, blas, trial, state.startedFrom, resumedFrom(state))).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Where each training session picked up, where the run resumed ({@code null} for a run that did not). */
    private JsonNode resumedFrom(PipelineState state) {
        if (!checkpoints.resume()) {
            return NullNode.getInstance();
        }
        ArrayNode points = Json.MAPPER.createArrayNode();
        state.checkpoints.forEach((folder, sessionCheckpoints) -> sessionCheckpoints.resumedFrom().ifPresent(point ->
                points.addObject().put("folder", folder).put("phases_done", point.phasesDone()).put("phase", point.phase())
                        .put("epoch", point.epoch()).put("global_epoch", point.globalEpoch())));
        return points;
    }

    /** What every summary of one run shares: its state, when it started, the epoch its trial was pruned after. */
    private record RunRecords(PipelineState state, Instant started, Integer prunedAfter) {
    }

    private ObjectNode writeSummary(RunRecords records, RunStatus status, Throwable failure, String stage) {
        ObjectNode summary = SummaryBuilder.build(pipeline, records.state(), status, failure, stage,
                context.runFolder().toString(), command, records.started(), Instant.now());
        trial.ifPresent(t -> summary.set("study", SummaryBuilder.study(t, records.prunedAfter())));
        context.writeArtifact(SUMMARY, Json.pretty(summary).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return summary;
    }

    /** Runs every reporter; returns the first failure, or {@code null}. */
    private Throwable report(PipelineState state, ObjectNode summary, RunStatus status) {
        RunSummary runSummary = new RunSummary(pipeline.name(), context.runFolder(), status.label(),
                Json.pretty(summary), metricsLog.lines(), state.metrics.getOrDefault("test", java.util.Map.of()));
        for (Resolved<Reporter> reporter : pipeline.report()) {
            try {
                reporter.component().report(runSummary);
                progress.note("report: " + reporter.label() + " done");
            } catch (RuntimeException e) {
                log.error("Reporter {} failed", reporter.label(), e);
                return new IllegalStateException(reporter.label() + " failed: " + e.getMessage(), e);
            }
        }
        return null;
    }
}
