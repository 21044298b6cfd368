package dev.fulcrum.core.host;

/**
 * A plugin the host skipped, refused or saw fail, and why.
 *
 * @param source the jar file name, or the plugin id once the jar was read
 * @param kind   whether the host could go on without it
 */
public record PluginProblem(String source, String problem, Kind kind) {

    /** What became of the plugin. */
    public enum Kind {
        /** Not a usable plugin (not a jar, no manifest, wrong Fulcrum version), or a duplicate type: the host goes on without it. */
        SKIPPED,
        /** Its own code threw while the host started it (in {@code start()} or making its factories). */
        FAILED,
        /** The plugin lock refused it: not pinned, changed since it was pinned, or pinned but missing. */
        REFUSED
    }

    /** A skipped plugin, as the host reported every problem before the lock. */
    public PluginProblem(String source, String problem) {
        this(source, problem, Kind.SKIPPED);
    }

    /** Whether a command that uses the plugins must stop: the set of plugins is not the one the user has. */
    public boolean blocking() {
        return kind != Kind.SKIPPED;
    }

    @Override
    public String toString() {
        return source + ": " + problem;
    }
}
