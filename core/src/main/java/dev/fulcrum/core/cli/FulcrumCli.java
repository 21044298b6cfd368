package dev.fulcrum.core.cli;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.core.FulcrumVersion;
import dev.fulcrum.core.threads.NativeBuild;
import dev.fulcrum.core.threads.ThreadSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine;

import java.io.PrintWriter;

/** {@code bin/fulcrum}: the launcher. */
@Command(name = "fulcrum", mixinStandardHelpOptions = true, versionProvider = FulcrumCli.Version.class,
        description = "Train models that are both general and good at one specific task.",
        subcommands = {RunCommand.class, ValidateCommand.class, PluginsCommand.class, DescribeCommand.class,
                AuditCommand.class, CompareCommand.class, TuneCommand.class, PredictCommand.class, EnsembleCommand.class, InspectCommand.class, ReviewCommand.class, CommandLine.HelpCommand.class})
public final class FulcrumCli {

    public static void main(String[] args) {
        prepareProcess();
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the launcher in-process (the tests do) and returns its exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new FulcrumCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> {
            if (exception instanceof InvalidInputException) {
                line.getErr().println("error: " + exception.getMessage());
                line.getErr().flush();
                return ExitCodes.BAD_INPUT;
            }
            line.getErr().println("error: " + exception);
            exception.printStackTrace(line.getErr());
            line.getErr().flush();
            return ExitCodes.RUN_FAILED;
        });
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            exception.getCommandLine().getErr().println("error: " + exception.getMessage());
            exception.getCommandLine().usage(exception.getCommandLine().getErr());
            return ExitCodes.BAD_INPUT;
        });
        try {
            ThreadSettings.checkProperty();
        } catch (InvalidInputException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        return commandLine.execute(args);
    }

    /**
     * What the launcher sets in its process before any command, some of which must come before ND4J
     * loads: code that runs commands in a JVM of its own (benchmarks) calls it first too.
     */
    public static void prepareProcess() {
        quietLibraries();
        NativeBuild.choose();
    }

    /** Library chatter (ND4J's start-up banner, INFO logs) would drown the progress lines. */
    static void quietLibraries() {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.nd4j.log.initialization", "false");
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Fulcrum " + FulcrumVersion.fulcrum() + " (Deeplearning4j " + FulcrumVersion.dl4j()
                    + ", PF4J " + FulcrumVersion.pf4j() + ")"};
        }
    }
}
