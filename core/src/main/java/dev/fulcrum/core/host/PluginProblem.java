package dev.fulcrum.core.host;

/**
 * A plugin the host skipped, and why.
 *
 * @param source the jar file name, or the plugin id once the jar was read
 */
public record PluginProblem(String source, String problem) {
    @Override
    public String toString() {
        return source + ": " + problem;
    }
}
