package dev.fulcrum.core.cli;

import dev.fulcrum.core.config.PipelineConfig;
import dev.fulcrum.core.config.PipelineConfigReader;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.pipeline.PipelineLauncher;
import dev.fulcrum.core.pipeline.ResolvedPipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "validate", description = "Check a pipeline file against the plugins without running it.")
final class ValidateCommand implements Callable<Integer> {

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
            ResolvedPipeline resolved = new PipelineLauncher(host, ConsoleProgress.to(out)).validate(config);
            out.println(pipeline + " is valid: " + resolved.components().size() + " components");
            resolved.components().forEach(c -> out.println("  " + c.spec().path() + ": " + c.spec().type()
                    + " (plugin " + c.factory().pluginId() + ")"));
        }
        return ExitCodes.OK;
    }
}
