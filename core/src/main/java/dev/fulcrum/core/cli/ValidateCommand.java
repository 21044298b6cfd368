package dev.fulcrum.core.cli;

import dev.fulcrum.core.config.PipelineConfig;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.pipeline.PipelineLauncher;
import dev.fulcrum.core.pipeline.ResolvedPipeline;
import picocli.CommandLine.Command;

@Command(name = "validate", description = "Check a pipeline file against the plugins without running it.")
final class ValidateCommand extends PipelineCommand {

    @Override
    public Integer call() {
        PipelineConfig config = config();
        try (FulcrumHost host = startHost()) {
            ResolvedPipeline resolved = new PipelineLauncher(host, ConsoleProgress.to(out())).validate(config);
            out().println(pipeline + " is valid: " + resolved.components().size() + " components");
            resolved.components().forEach(c -> out().println("  " + c.spec().path() + ": " + c.spec().type()
                    + " (plugin " + c.factory().pluginId() + ")"));
        }
        return ExitCodes.OK;
    }
}
