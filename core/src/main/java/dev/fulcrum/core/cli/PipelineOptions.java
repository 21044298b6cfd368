package dev.fulcrum.core.cli;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** Options that change a pipeline from the command line. */
final class PipelineOptions {

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a config value, e.g. --set strategy.epochs=5 or --set data.general.classes=[0,2,4]. Repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "Override the pipeline's seed.")
    Long seed;

    List<String> overrides() {
        return sets;
    }

    Long seed() {
        return seed;
    }
}
