package dev.fulcrum.core.cli;

import dev.fulcrum.core.config.PipelineConfig;
import dev.fulcrum.core.config.PipelineConfigReader;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.pipeline.PipelineLauncher;
import dev.fulcrum.core.pipeline.RunOutcome;
import dev.fulcrum.core.pipeline.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "run", description = "Run a pipeline and write its run folder.")
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PIPELINE.yaml", description = "The pipeline file.")
    Path pipeline;

    @Mixin
    HostOptions options;

    @Mixin
    PipelineOptions pipelineOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PipelineConfig config = PipelineConfigReader.read(pipeline, pipelineOptions.overrides(), pipelineOptions.seed());
        try (FulcrumHost host = options.startHost(spec.commandLine().getErr())) {
            RunOutcome outcome = new PipelineLauncher(host, ConsoleProgress.to(out)).run(config, options.runsFolder());
            if (outcome.status() == RunStatus.SUCCEEDED) {
                out.println("run succeeded: " + outcome.folder());
            } else if (outcome.status() == RunStatus.GATE_FAILED) {
                GateReport.failed(outcome.summary().path("gates"), spec.commandLine().getErr());
                spec.commandLine().getErr().println("the run finished and its model is saved: " + outcome.folder());
            } else {
                spec.commandLine().getErr().println("error: run failed: " + outcome.errorMessage());
                spec.commandLine().getErr().println("run folder: " + outcome.folder());
            }
            return outcome.status().exitCode();
        }
    }
}
