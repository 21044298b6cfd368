package dev.fulcrum.core.tune;

import dev.fulcrum.api.tune.ClaimedTrial;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.core.config.PipelineConfig;
import dev.fulcrum.core.config.PipelineConfigReader;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.pipeline.PipelineLauncher;
import dev.fulcrum.core.pipeline.RunProgress;
import dev.fulcrum.core.run.ScratchFolder;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The side of a {@link TrialEngine} that runs a trial on its machine: the pipeline rebuilt from its
 * YAML, its sampler and pruner from this machine's plugins, and the trial run by the same
 * {@link TrialRunner} as on the driver, into a study folder of its own under {@code work} (fresh for
 * each attempt, so that a retried attempt starts clean), which is packed and then deleted.
 */
public final class RemoteTrials {

    private RemoteTrials() {
    }

    /**
     * @param work   a folder of this attempt's own, which this call empties
     * @param worker names this attempt in the trial's provenance (an executor and attempt)
     */
    public static RemoteTrialResult run(RemoteTrial trial, FulcrumHost host, Path work, String worker, RunProgress progress) {
        try (ScratchFolder ignored = ScratchFolder.at(work)) {
            PipelineConfig pipeline = PipelineConfigReader.parse(trial.pipelineYaml(), trial.pipelineSource(), trial.pipelineName(),
                    Path.of(trial.pipelineFolder()));
            TuneConfig tune = TuneConfigReader.read(pipeline);
            StudyFolder folder = StudyFolder.of(work, trial.study());
            PipelineLauncher launcher = new PipelineLauncher(host, progress);
            StudyPlan plan = new StudyValidator(host, launcher).plan(pipeline, tune, folder.path());
            List<TrialRecord> others = trial.others().stream().map(TrialSnapshot::record).toList();
            ClaimedTrial claimed = new ClaimedTrial(trial.number(), StudyJson.readParams(trial.params()), trial.queued());
            SnapshotStorage storage = new SnapshotStorage(others, trial.number(), claimed.params());
            TrialRunner runner = new TrialRunner(plan, storage, folder, Path.of(trial.studyFolder()), launcher,
                    StudyTimings.fromSystemProperties(), worker, trial.workers());
            TrialEnd end = runner.run(claimed);
            String runFolder = storage.runFolder();
            byte[] zip = runFolder == null ? new byte[0] : FolderZip.zip(folder.path().resolve(runFolder));
            return new RemoteTrialResult(end.state().name(), new LinkedHashMap<>(end.values()), end.feasible(), end.error(),
                    end.stopsWorker(), storage.reports(), runFolder == null ? null : Path.of(runFolder).getFileName().toString(),
                    zip, worker);
        }
    }
}
