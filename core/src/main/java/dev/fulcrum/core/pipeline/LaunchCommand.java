package dev.fulcrum.core.pipeline;

import java.util.List;

/**
 * The launcher command a run came from, as typed ({@code fulcrum run pipeline.yaml --set ...}), for
 * the summary and the report; {@link #NONE} for a run started from Java.
 */
public record LaunchCommand(List<String> arguments) {

    public static final LaunchCommand NONE = new LaunchCommand(List.of());

    public LaunchCommand {
        arguments = List.copyOf(arguments);
    }

    /** The command as one line, each argument quoted for a POSIX shell where it needs it; empty for {@link #NONE}. */
    public String line() {
        StringBuilder line = new StringBuilder();
        for (String argument : arguments) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(argument.matches("[A-Za-z0-9_./=:,+@%-]+") ? argument : "'" + argument.replace("'", "'\\''") + "'");
        }
        return line.toString();
    }
}
