package dev.fulcrum.core.cli;

import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.pipeline.LaunchCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** A command that works on a host: the shared options, the writers, and the host itself. */
abstract class HostCommand implements Callable<Integer> {

    @Mixin
    HostOptions options;

    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The command line this command was started with, as {@code fulcrum ...}. */
    LaunchCommand launchCommand() {
        List<String> arguments = new ArrayList<>();
        arguments.add(spec.root().name());
        arguments.addAll(spec.root().commandLine().getParseResult().originalArgs());
        return new LaunchCommand(arguments);
    }

    /** Starts a host on the plugins folder, reporting every plugin it skipped. */
    FulcrumHost startHost() {
        return options.startHost(err());
    }
}
