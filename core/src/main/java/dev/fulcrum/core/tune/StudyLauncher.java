package dev.fulcrum.core.tune;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.tune.StudyStorage;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.core.config.PipelineConfig;
import dev.fulcrum.core.config.PipelineConfigReader;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.host.PluginLock;
import dev.fulcrum.core.pipeline.PipelineLauncher;
import dev.fulcrum.core.pipeline.RunProgress;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code fulcrum tune}: checks the study before trial 0, creates or resumes it in its folder, and
 * runs its trials, in this process ({@code parallel: 1}), in N worker processes that share its
 * database while this one shows their progress, or on an engine ({@code parallel: {type: spark}},
 * {@link ClusterStudy}) with this process as its driver; the worker side of those processes; and a
 * worker joining a study on PostgreSQL from another machine.
 */
public final class StudyLauncher {

    private static final long POLL_MILLIS = 1000;

    private final FulcrumHost host;
    private final RunProgress progress;
    private final PrintWriter err;
    private final PipelineLauncher launcher;

    /** @param err where the reasons a study stopped early go */
    public StudyLauncher(FulcrumHost host, RunProgress progress, PrintWriter err) {
        this.host = host;
        this.progress = progress;
        this.err = err;
        this.launcher = new PipelineLauncher(host, progress);
    }

    /** Where and how a study's pipeline comes from the command line. */
    public record Source(Path pipelineFile, List<String> overrides, Long seed, Path runsRoot) {

        PipelineConfig pipeline() {
            return PipelineConfigReader.read(pipelineFile, overrides, seed);
        }

        /** The arguments that give a worker process the same pipeline and folders; {@code plugins} is the host's. */
        List<String> workerArguments(Path plugins) {
            List<String> arguments = new ArrayList<>(List.of(pipelineFile.toAbsolutePath().toString(),
                    "--plugins", plugins.toAbsolutePath().toString(), "--runs", runsRoot.toAbsolutePath().toString()));
            overrides.forEach(override -> arguments.addAll(List.of("--set", override)));
            if (seed != null) {
                arguments.addAll(List.of("--seed", seed.toString()));
            }
            return arguments;
        }
    }

    /**
     * Runs the study to the end of its budget.
     *
     * @param fresh   {@code --new}: move an existing study of this name aside and start afresh
     * @param confirm {@code --confirm K}: once the budget is spent, run each front trial again with K more seeds; 0 for none
     * @return the exit code: 0 when the budget was spent, 1 when too many trials failed, 2 at bad input
     */
    public int tune(Source source, Path plugins, boolean fresh, int confirm) {
        PipelineConfig pipeline = source.pipeline();
        TuneConfig tune = TuneConfigReader.read(pipeline);
        StudyFolder folder = StudyFolder.of(source.runsRoot(), tune.name());
        StudyPlan plan = new StudyValidator(host, launcher).validate(pipeline, tune, folder.path());
        if (fresh && tune.storage() != null) {
            throw new InvalidInputException("--new: study " + tune.name() + " lives on " + tune.storage() + ", shared "
                    + "with workers on other machines, and is not moved aside; give tune.name another name");
        }
        StudyTimings timings = StudyTimings.fromSystemProperties();
        // Before anything is written: an engine that cannot be reached stops the study here.
        TrialEngine.Session engine = tune.cluster() == null ? null
                : TrialEngines.find(tune.cluster()).connect(tune.cluster(), tune.name(), plugins);
        if (fresh && Files.exists(folder.path())) {
            progress.note("--new: the earlier study " + tune.name() + " moved to " + folder.moveAside(LocalDateTime.now()));
        }
        Instant deadline = tune.timeout() == null ? null : Instant.now().plus(tune.timeout());
        try (TrialEngine.Session ignored = engine; StudyStorage storage = folder.open(tune.storage())) {
            open(storage, plan, source, folder);
            share(storage, pipeline, deadline);
            StudyProgress studyProgress = new StudyProgress(tune.name(), tune.objectives(), tune.trials(), tune.budget(), progress);
            studyProgress.skip(storage.trials());
            List<WorkerEnd> ends;
            if (engine != null) {
                progress.note(engine.describe());
                ends = List.of(new ClusterStudy(engine, storage, plan, folder, timings, deadline,
                        afterTrial(plan, folder).andThen(studyProgress::update), progress).run());
            } else if (tune.parallel() == 1) {
                ends = List.of(worker("w1-" + ProcessHandle.current().pid(), 1, storage, plan, folder, timings, deadline,
                        trials -> studyProgress.update(trials)).run());
            } else {
                ends = workInProcesses(tune.parallel(), source, plugins, deadline, storage, folder, studyProgress);
                if (ends.isEmpty()) {
                    // the workers said why they stopped in their logs; a study's limit is the launcher's to tell
                    ends = StudyWorker.stopReason(plan, storage.trials(), deadline).map(List::of).orElse(ends);
                }
            }
            List<TrialRecord> trials = storage.trials();
            afterTrial(plan, folder).accept(trials);
            progress.note(studyProgress.statusLine(trials));
            int code = finish(ends);
            if (code == 0 && confirm > 0) {
                StudyConfirmation.run(host, folder.path(), confirm, progress, tune.objectives(), tune.select(), trials);
            }
            return code;
        }
    }

    /** A worker process's loop, for {@code tune worker}; the study was created and checked by its launcher. */
    public int work(Source source, String workerId, int workers, Instant deadline) {
        PipelineConfig pipeline = source.pipeline();
        TuneConfig tune = TuneConfigReader.read(pipeline);
        StudyFolder folder = StudyFolder.of(source.runsRoot(), tune.name());
        if (tune.storage() == null && !folder.exists()) {
            throw new InvalidInputException("no study " + tune.name() + " in " + folder.path() + "; fulcrum tune creates it");
        }
        StudyPlan plan = new StudyValidator(host, launcher).plan(pipeline, tune, folder.path());
        try (StudyStorage storage = folder.open(tune.storage())) {
            refuseOtherDefinition(storage, StudyDefinition.of(plan), folder);
            return finish(List.of(worker(workerId, workers, storage, plan, folder, StudyTimings.fromSystemProperties(),
                    deadline, trials -> { }).run()));
        }
    }

    /**
     * {@code fulcrum tune --worker URL}: joins the study that {@code url} names from any machine,
     * with no pipeline file: the study holds the pipeline as its launcher resolved it. This worker's
     * trial folders and its copy of the study's outputs go under {@code runsRoot}.
     *
     * @param plugins this host's plugins folder, whose lock must match the launcher's
     */
    public int join(PostgresUrl url, Path runsRoot, Path plugins, String workerId) {
        try (PostgresStudyStorage storage = PostgresStudyStorage.join(url, PostgresLogin.fromEnvironment(url))) {
            StudyLaunch launch = StudyLaunch.read(storage.launch().orElseThrow(() -> new InvalidInputException(url
                    + ": the study holds no pipeline for joining workers (fulcrum tune stores it when it starts)")),
                    url.toString());
            launch.requireSamePlugins(pluginLock(), plugins.toAbsolutePath(), url.toString());
            TuneConfig tune = TuneConfigReader.read(launch.pipeline()).withStorage(url);
            StudyFolder folder = StudyFolder.of(runsRoot, url.study());
            StudyPlan plan = new StudyValidator(host, launcher).plan(launch.pipeline(), tune, folder.path());
            refuseOtherDefinition(storage, StudyDefinition.of(plan), folder);
            progress.note("worker " + workerId + " joined study " + url.study() + " on " + url.withoutStudy()
                    + "; its trials go to " + folder.trials());
            StudyProgress studyProgress = new StudyProgress(tune.name(), tune.objectives(), tune.trials(), tune.budget(), progress);
            studyProgress.skip(storage.trials());
            return finish(List.of(worker(workerId, 1, storage, plan, folder, StudyTimings.fromSystemProperties(),
                    launch.deadline(), studyProgress::update).run()));
        }
    }

    /**
     * A study on a server is shared with workers that have no pipeline file: it gets the pipeline
     * as resolved here (replacing an earlier launch's, whose budget may have been another), once its
     * definition was found the same, so that a launcher refused for another definition leaves the
     * study's stored pipeline alone.
     */
    private void share(StudyStorage storage, PipelineConfig pipeline, Instant deadline) {
        if (storage instanceof PostgresStudyStorage shared) {
            shared.publishLaunch(new StudyLaunch(pipeline, pluginLock(), deadline).json());
            progress.note("study " + shared.url().study() + " is on " + shared.url().withoutStudy() + "; workers on "
                    + "other machines join it with: fulcrum tune --worker " + shared.url());
        }
    }

    private String pluginLock() {
        return host.lock().map(PluginLock::sha256).orElse(null);
    }

    private StudyWorker worker(String id, int workers, StudyStorage storage, StudyPlan plan, StudyFolder folder,
                               StudyTimings timings, Instant deadline, Consumer<List<TrialRecord>> told) {
        Consumer<List<TrialRecord>> after = afterTrial(plan, folder).andThen(told);
        return new StudyWorker(id, storage, plan, new TrialRunner(plan, storage, folder, folder.path(), launcher, timings, id, workers),
                timings, deadline, after, progress);
    }

    /** What follows every finished trial: models off the front go, and the study's outputs are written afresh. */
    private static Consumer<List<TrialRecord>> afterTrial(StudyPlan plan, StudyFolder folder) {
        return trials -> {
            if (plan.tune().keepModels() == KeepModels.FRONT) {
                FrontModels.keepFront(folder.path(), plan.tune().objectives(), trials);
            }
            StudyOutputs.write(folder.path(), plan.tune().objectives(), plan.tune().select(), trials);
        };
    }

    /** Creates the study with trial 0 queued, or resumes it when its definition is the same. */
    private void open(StudyStorage storage, StudyPlan plan, Source source, StudyFolder folder) {
        String definition = StudyDefinition.of(plan);
        boolean created = storage.createIfAbsent(definition);
        if (!created) {
            refuseOtherDefinition(storage, definition, folder);
        }
        List<TrialRecord> trials = storage.trials();
        if (trials.isEmpty()) {
            storage.enqueue(plan.trialZero());
            progress.note("study " + folder.study() + ": " + plan.tune().trials() + " trials in " + folder.path()
                    + "; trial 0 is the pipeline as written");
        } else {
            long done = trials.stream().filter(t -> t.state().finished()).count();
            progress.note("resuming study " + folder.study() + ": " + done + " of " + plan.tune().trials() + " trials done");
        }
    }

    private static void refuseOtherDefinition(StudyStorage storage, String definition, StudyFolder folder) {
        List<String> differences = StudyDefinition.differences(storage.definition(), definition);
        if (!differences.isEmpty()) {
            throw new InvalidInputException("study " + folder.study() + " in " + folder.path() + " was made with another "
                    + "definition (it differs in " + String.join(", ", differences) + "); resuming it would mix two studies. "
                    + "Run with --new to start afresh (the old folder is moved aside, not deleted), or give tune.name another name");
        }
    }

    private List<WorkerEnd> workInProcesses(int count, Source source, Path plugins, Instant deadline, StudyStorage storage,
                                            StudyFolder folder, StudyProgress studyProgress) {
        List<String> arguments = new ArrayList<>(source.workerArguments(plugins));
        arguments.addAll(List.of("--workers", String.valueOf(count)));
        if (deadline != null) {
            arguments.addAll(List.of("--deadline", deadline.toString()));
        }
        WorkerProcesses workers = WorkerProcesses.start(count, folder, arguments);
        progress.note(count + " worker processes, " + Math.max(1, dev.fulcrum.core.threads.ThreadSettings.cores() / count)
                + " cores each; their logs are in " + folder.workers());
        try {
            while (workers.anyAlive()) {
                Thread.sleep(POLL_MILLIS);
                studyProgress.update(storage.trials());
            }
            studyProgress.update(storage.trials());
            List<WorkerEnd> ends = new ArrayList<>();
            for (Map.Entry<String, Integer> code : workers.exitCodes().entrySet()) {
                if (code.getValue() != 0) {
                    ends.add(new WorkerEnd(code.getValue(), "worker " + code.getKey() + " exited with " + code.getValue()
                            + ": " + lastError(workers.log(code.getKey()))));
                }
            }
            return ends;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.destroy();
            throw new IllegalStateException("interrupted while the study's workers ran", e);
        }
    }

    /** The last error line a worker logged, or where its log is. */
    private static String lastError(Path log) {
        try {
            return Files.readAllLines(log).stream().filter(line -> line.startsWith("error: ")).reduce((a, b) -> b)
                    .map(line -> line.substring("error: ".length())).orElse("see " + log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Says why the study stopped, and returns the gravest exit code. */
    private int finish(List<WorkerEnd> ends) {
        int code = 0;
        for (WorkerEnd end : ends) {
            if (end.message() != null && end.exitCode() == 0) {
                progress.note(end.message());
            } else if (end.message() != null) {
                err.println("error: " + end.message());
                err.flush();
            }
            code = Math.max(code, end.exitCode());
        }
        return code;
    }
}
