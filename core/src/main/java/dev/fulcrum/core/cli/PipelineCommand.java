package dev.fulcrum.core.cli;

import dev.fulcrum.core.config.PipelineConfig;
import dev.fulcrum.core.config.PipelineConfigReader;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** A command on one pipeline file, with {@code --set} and {@code --seed}. */
abstract class PipelineCommand extends HostCommand {

    @Parameters(index = "0", paramLabel = "PIPELINE.yaml", description = "The pipeline file.")
    Path pipeline;

    @Mixin
    PipelineOptions pipelineOptions;

    /** The pipeline file with the command line's overrides applied. */
    PipelineConfig config() {
        return PipelineConfigReader.read(pipeline, pipelineOptions.overrides(), pipelineOptions.seed());
    }
}
