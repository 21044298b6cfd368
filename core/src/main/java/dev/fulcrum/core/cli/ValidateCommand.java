package dev.fulcrum.core.cli;

import dev.fulcrum.core.config.PipelineConfig;
import dev.fulcrum.core.config.PipelineConfigReader;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.pipeline.PipelineLauncher;
import dev.fulcrum.core.pipeline.ResolvedPipeline;
import dev.fulcrum.core.tune.StudyPlan;
import dev.fulcrum.core.tune.StudyValidator;
import dev.fulcrum.core.tune.TuneConfig;
import dev.fulcrum.core.tune.TuneConfigReader;
import dev.fulcrum.runtime.config.ConfigPath;
import picocli.CommandLine.Command;

@Command(name = "validate", description = "Check a pipeline file against the plugins without running it.")
final class ValidateCommand extends PipelineCommand {

    @Override
    public Integer call() {
        PipelineConfig config = config();
        try (FulcrumHost host = startHost()) {
            PipelineLauncher launcher = new PipelineLauncher(host, ConsoleProgress.to(out()));
            ResolvedPipeline resolved = launcher.validate(config);
            out().println(pipeline + " is valid: " + resolved.components().size() + " components");
            resolved.components().forEach(c -> out().println("  " + c.spec().path() + ": " + c.spec().type()
                    + " (plugin " + c.factory().pluginId() + ")"));
            resolved.feedback().forEach(f -> out().println("  " + f.spec().path() + ": " + f.spec().file() + " ("
                    + f.file().format().label() + ", " + f.file().rows().size() + " reviewed rows)"));
            if (!config.document().at(ConfigPath.ROOT.child(PipelineConfigReader.TUNE)).isMissingNode()) {
                // The tune: section too, as fulcrum tune checks it before trial 0.
                TuneConfig tune = TuneConfigReader.read(config);
                StudyPlan plan = new StudyValidator(host, launcher).validate(config, tune, options.runsFolder().resolve(tune.name()));
                out().println("  tune: study " + tune.name() + ", " + tune.space().parameters().size() + " parameters, "
                        + tune.objectives().size() + " objectives, sampler " + plan.sampler().spec().type()
                        + ", pruner " + plan.pruner().spec().type() + ", " + tune.trials() + " trials");
            }
        }
        return ExitCodes.OK;
    }
}
