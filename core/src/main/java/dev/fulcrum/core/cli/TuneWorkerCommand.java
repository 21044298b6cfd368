package dev.fulcrum.core.cli;

import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.tune.StudyLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;

@Command(name = "worker", hidden = true,
        header = "Run trials of a study that fulcrum tune created (it starts one such process per parallel worker).")
final class TuneWorkerCommand extends PipelineCommand {

    @Option(names = "--worker-id", required = true, paramLabel = "ID", description = "The worker's name in the study.")
    String workerId;

    @Option(names = "--workers", paramLabel = "N", description = "How many workers share the study (default 1).")
    int workers = 1;

    @Option(names = "--deadline", paramLabel = "INSTANT", description = "No trial starts after this instant (ISO-8601).")
    Instant deadline;

    @Override
    public Integer call() {
        // Killed with its launcher: a worker whose launcher died would run on unseen; its trial is queued again as stale.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(ExitCodes.RUN_FAILED)));
        try (FulcrumHost host = startHost()) {
            return new StudyLauncher(host, ConsoleProgress.to(out()), err())
                    .work(TuneCommand.source(pipeline, pipelineOptions, options), workerId, workers, deadline);
        }
    }
}
