package dev.fulcrum.core.cli;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.core.config.PipelineConfig;
import dev.fulcrum.core.config.PipelineConfigReader;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.pipeline.PipelineLauncher;
import dev.fulcrum.core.pipeline.ResolvedPipeline;
import dev.fulcrum.core.pipeline.RunOutcome;
import dev.fulcrum.core.pipeline.RunResume;
import dev.fulcrum.core.pipeline.RunStatus;
import dev.fulcrum.core.run.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;

@Command(name = "run", description = "Run a pipeline and write its run folder, or resume a run whose process was killed.")
final class RunCommand extends HostCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PIPELINE.yaml",
            description = "The pipeline file (with --resume: by default the run's own config.yaml).")
    Path pipeline;

    @Mixin
    PipelineOptions pipelineOptions;

    @Option(names = "--resume", paramLabel = "RUN",
            description = "Continue the run in folder RUN from its last checkpoint; a run that ended is left as it is.")
    Path resume;

    @Option(names = "--force", description = "With --resume: continue even where the config, seed, plugin jars or backend "
            + "differ from those the run started with.")
    boolean force;

    @Override
    public Integer call() {
        if (resume == null && pipeline == null) {
            throw new InvalidInputException("run: give a PIPELINE.yaml to run, or --resume RUN");
        }
        if (resume == null && force) {
            throw new InvalidInputException("run: --force applies to --resume only");
        }
        Path file = pipeline != null ? pipeline : resume.resolve("config.yaml");
        if (resume != null && !Files.isDirectory(resume)) {
            throw new InvalidInputException(resume + ": no such run folder");
        }
        PipelineConfig config = PipelineConfigReader.read(file, pipelineOptions.overrides(), pipelineOptions.seed());
        try (FulcrumHost host = startHost()) {
            PipelineLauncher launcher = new PipelineLauncher(host, ConsoleProgress.to(out()), launchCommand());
            RunOutcome outcome = resume == null ? launcher.run(config, options.runsFolder()) : resume(launcher, host, config);
            return outcome == null ? 0 : report(outcome);
        }
    }

    /** Resumes the run, or tidies it and returns {@code null} where it had ended. */
    private RunOutcome resume(PipelineLauncher launcher, FulcrumHost host, PipelineConfig config) {
        int temporaries = RunResume.removeTemporaries(resume);
        if (temporaries > 0) {
            out().println("resume: removed " + temporaries + " temporary file(s) of writes the killed process did not finish");
        }
        if (RunResume.ended(resume)) {
            RunResume.tidyEnded(resume);
            out().println("the run had ended; nothing to resume: " + resume);
            return null;
        }
        ResolvedPipeline resolved = launcher.validate(config);
        RunResume.requireSameRun(resume, resolved, host, force);
        return launcher.resume(config, RunFolder.at(resume.toAbsolutePath().normalize()));
    }

    private int report(RunOutcome outcome) {
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
