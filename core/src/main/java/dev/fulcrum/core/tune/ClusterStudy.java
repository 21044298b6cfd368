package dev.fulcrum.core.tune;

import dev.fulcrum.api.tune.ClaimedTrial;
import dev.fulcrum.api.tune.StudyStorage;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import dev.fulcrum.core.config.PipelineConfig;
import dev.fulcrum.core.pipeline.RunProgress;
import dev.fulcrum.runtime.config.ConfigDocument;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The driver of a study whose trials run on a {@link TrialEngine}: it alone claims trials (so claims
 * stay atomic and the sampler sees every trial), keeps as many in flight as the engine has slots,
 * beats each one's heartbeat in the study while it runs, and finishes each with the result that
 * comes back, its run folder unpacked into the study's {@code trials/}. The engine retries a trial
 * whose machine was lost; the driver accepts one result per claim, and a trial that failed for good
 * is finished as failed with the reason, so that no trial is counted twice and none is lost.
 */
final class ClusterStudy {

    private final TrialEngine.Session engine;
    private final StudyStorage storage;
    private final StudyPlan plan;
    private final StudyFolder folder;
    private final StudyTimings timings;
    private final Instant deadline;
    private final Consumer<List<TrialRecord>> afterTrial;
    private final RunProgress progress;
    private final String driver = "spark-driver-" + ProcessHandle.current().pid();
    private final Map<Integer, InFlight> inFlight = new LinkedHashMap<>();
    /** The pipeline every trial's task carries, written once. */
    private final String pipelineYaml;

    private record InFlight(ClaimedTrial trial, CompletableFuture<RemoteTrialResult> result, Heartbeat heartbeat) {
    }

    ClusterStudy(TrialEngine.Session engine, StudyStorage storage, StudyPlan plan, StudyFolder folder, StudyTimings timings,
                 Instant deadline, Consumer<List<TrialRecord>> afterTrial, RunProgress progress) {
        this.engine = engine;
        this.storage = storage;
        this.plan = plan;
        this.folder = folder;
        this.timings = timings;
        this.deadline = deadline;
        this.afterTrial = afterTrial;
        this.progress = progress;
        this.pipelineYaml = yaml(plan.pipeline());
    }

    private static String yaml(PipelineConfig pipeline) {
        try {
            return ConfigDocument.YAML.writeValueAsString(pipeline.document().root());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the pipeline as YAML", e);
        }
    }

    WorkerEnd run() {
        WorkerEnd end = null;
        try {
            while (true) {
                // Only an earlier driver's trials can be stale: this one beats for every trial it has in flight.
                storage.requeueStale(timings.staleAfter());
                if (end == null) {
                    end = stopReason(storage.trials()).orElse(null);
                }
                while (end == null && inFlight.size() < engine.slots()) {
                    Optional<ClaimedTrial> claimed = claim();
                    if (claimed.isEmpty()) {
                        break;
                    }
                    submit(claimed.get());
                }
                if (inFlight.isEmpty()) {
                    if (end != null || storage.trials().stream().noneMatch(t -> t.state() == TrialState.RUNNING)) {
                        return end == null ? WorkerEnd.budgetSpent(null) : end;
                    }
                    pause();
                    continue;
                }
                WorkerEnd stopped = awaitOne();
                if (end == null) {
                    end = stopped;
                }
            }
        } finally {
            inFlight.values().forEach(running -> {
                running.result().cancel(true);
                running.heartbeat().close();
            });
        }
    }

    private Optional<WorkerEnd> stopReason(List<TrialRecord> trials) {
        return StudyWorker.stopReason(plan, trials, deadline);
    }

    private Optional<ClaimedTrial> claim() {
        return StudyWorker.claim(storage, driver, plan);
    }

    private void submit(ClaimedTrial trial) {
        PipelineConfig pipeline = plan.pipeline();
        List<TrialSnapshot> others = storage.trials().stream().filter(t -> t.number() != trial.number())
                .map(TrialSnapshot::of).toList();
        RemoteTrial remote = new RemoteTrial(folder.study(), trial.number(), pipeline.name(), pipeline.document().sourceName(),
                pipelineYaml, pipeline.folder().toString(), folder.path().toAbsolutePath().toString(), StudyJson.params(trial.params()),
                trial.queued(), others, engine.slots());
        Heartbeat heartbeat = Heartbeat.start(storage, trial.number(), timings.heartbeat());
        inFlight.put(trial.number(), new InFlight(trial, engine.submit(remote), heartbeat));
    }

    /** Waits for a trial in flight to end and records it; returns why the study must stop, or {@code null}. */
    private WorkerEnd awaitOne() {
        try {
            CompletableFuture.anyOf(inFlight.values().stream().map(InFlight::result).toArray(CompletableFuture[]::new))
                    .get(timings.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Which one ended, and how, is read below.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the study's trials ran", e);
        }
        WorkerEnd stop = null;
        for (InFlight running : List.copyOf(inFlight.values())) {
            if (!running.result().isDone()) {
                continue;
            }
            inFlight.remove(running.trial().number());
            running.heartbeat().close();
            WorkerEnd end = record(running);
            stop = stop == null ? end : stop;
        }
        return stop;
    }

    private WorkerEnd record(InFlight running) {
        int number = running.trial().number();
        TrialEnd end;
        try {
            RemoteTrialResult result = running.result().join();
            if (result.runFolder() != null) {
                storage.setRunFolder(number, folder.path().relativize(unpack(result)).toString());
            }
            result.reports().forEach((step, metrics) -> storage.report(number, step, metrics));
            end = result.end();
        } catch (RuntimeException e) {
            end = TrialEnd.failed("the trial's task failed for good on the engine: " + rootMessage(e));
        }
        if (!storage.finish(number, end.state(), end.values(), end.feasible(), end.error())) {
            progress.note("trial " + number + " was no longer running in the study (taken for dead and queued again); "
                    + "this result of it is not counted");
        }
        afterTrial.accept(storage.trials());
        if (end.stopsWorker()) {
            return new WorkerEnd(WorkerEnd.BAD_INPUT, "trial " + number + " met bad input, which every later trial would "
                    + "meet too, so the study stopped: " + end.error());
        }
        return null;
    }

    /** The run folder into {@code trials/}, under its own name, or that name with a suffix where it is taken. */
    private Path unpack(RemoteTrialResult result) {
        try {
            Files.createDirectories(folder.trials());
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("cannot create " + folder.trials(), e);
        }
        Path target = folder.trials().resolve(result.runFolder());
        for (int attempt = 2; Files.exists(target); attempt++) {
            target = folder.trials().resolve(result.runFolder() + "-" + attempt);
        }
        FolderZip.unzip(result.zip(), target);
        return target;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    private void pause() {
        try {
            Thread.sleep(timings.heartbeat().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the study's driver was interrupted", e);
        }
    }
}
