package dev.fulcrum.core.cli;

import dev.fulcrum.core.config.PipelineConfig;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.pipeline.PipelineLauncher;
import dev.fulcrum.core.pipeline.RunOutcome;
import dev.fulcrum.core.pipeline.RunStatus;
import picocli.CommandLine.Command;

@Command(name = "run", description = "Run a pipeline and write its run folder.")
final class RunCommand extends PipelineCommand {

    @Override
    public Integer call() {
        PipelineConfig config = config();
        try (FulcrumHost host = startHost()) {
            RunOutcome outcome = new PipelineLauncher(host, ConsoleProgress.to(out()), launchCommand()).run(config, options.runsFolder());
            if (outcome.status() == RunStatus.SUCCEEDED) {
                out().println("run succeeded: " + outcome.folder());
            } else if (outcome.status() == RunStatus.GATE_FAILED) {
                GateReport.failed(outcome.summary().path("gates"), err());
                err().println("the run finished and its model is saved: " + outcome.folder());
            } else {
                err().println("error: run failed: " + outcome.errorMessage());
                err().println("run folder: " + outcome.folder());
            }
            return outcome.status().exitCode();
        }
    }
}
