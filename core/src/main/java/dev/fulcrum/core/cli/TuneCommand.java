package dev.fulcrum.core.cli;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.tune.PostgresUrl;
import dev.fulcrum.core.tune.StudyLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

@Command(name = "tune", header = "Search a pipeline's config paths for the best balance: a study of trials.",
        description = "Runs the study in the pipeline's tune: section, in <runs>/<study name>/, resuming it when it exists.",
        subcommands = {TuneWorkerCommand.class})
final class TuneCommand extends HostCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PIPELINE.yaml", description = "The pipeline file, with a tune: section.")
    Path pipeline;

    @Mixin
    PipelineOptions pipelineOptions;

    @Option(names = "--new", description = "Start the study afresh; an earlier study of that name is moved aside, not deleted.")
    boolean fresh;

    @Option(names = "--confirm", paramLabel = "K", description = "Once the study's budget is spent, run each trial on its front "
            + "again with K more seeds and report mean and spread (confirmation.json, pareto.json).")
    int confirm;

    @Option(names = "--status", paramLabel = "STUDY", description = "Print a study's progress (a study folder, or a study "
            + "name under --runs): trials done, pruned, running, best values, front, hypervolume, the selected trial.")
    String status;

    @Option(names = "--worker", paramLabel = "STUDY-URL", description = "Join a study on PostgreSQL from this machine, "
            + "with no pipeline file: postgresql://host[:port]/database?study=NAME, as fulcrum tune prints it. The login "
            + "comes from PGUSER and PGPASSWORD, or PGPASSFILE (~/.pgpass); trial folders go under --runs.")
    String worker;

    @Override
    public Integer call() {
        if (worker != null) {
            return join();
        }
        if (status != null) {
            StudyStatusReport.print(status, options.runsFolder(), out());
            return ExitCodes.OK;
        }
        if (pipeline == null) {
            spec.commandLine().usage(err());
            return ExitCodes.BAD_INPUT;
        }
        try (FulcrumHost host = startHost()) {
            return new StudyLauncher(host, ConsoleProgress.to(out()), err()).tune(source(pipeline, pipelineOptions, options),
                    options.pluginsFolder(), fresh, confirm);
        }
    }

    private int join() {
        if (pipeline != null) {
            throw new InvalidInputException("--worker joins a study with the pipeline its launcher stored; give no "
                    + "pipeline file (got " + pipeline + ")");
        }
        PostgresUrl url = studyUrl("--worker", worker);
        String workerId = hostName() + "-" + ProcessHandle.current().pid();
        try (FulcrumHost host = startHost()) {
            return new StudyLauncher(host, ConsoleProgress.to(out()), err()).join(url, options.runsFolder(),
                    options.pluginsFolder(), workerId);
        }
    }

    /** The study URL given to {@code option}, or bad input saying what is wrong with it. */
    static PostgresUrl studyUrl(String option, String text) {
        PostgresUrl url;
        try {
            url = PostgresUrl.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(option + " " + text + ": " + e.getMessage(), e);
        }
        if (url.study() == null) {
            throw new InvalidInputException(option + " " + text + ": names no study; add ?study=NAME (fulcrum tune prints "
                    + "the URL to join when it starts a study on PostgreSQL)");
        }
        return url;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "worker";
        }
    }

    static StudyLauncher.Source source(Path pipeline, PipelineOptions pipelineOptions, HostOptions options) {
        return new StudyLauncher.Source(pipeline, pipelineOptions.overrides(), pipelineOptions.seed(), options.runsFolder());
    }
}
