package dev.fulcrum.core.run;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.runtime.Seeds;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/** The run context the host hands to components. */
public final class HostRunContext implements RunContext {

    private final long seed;
    private final RunFolder folder;
    private final Set<Path> inputs = new LinkedHashSet<>();

    public HostRunContext(long seed, RunFolder folder) {
        this.seed = seed;
        this.folder = folder;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public long seedFor(String stream) {
        return Seeds.derive(seed, stream);
    }

    @Override
    public Path runFolder() {
        return folder.path();
    }

    @Override
    public synchronized void recordInput(Path file) {
        inputs.add(file.toAbsolutePath().normalize());
    }

    @Override
    public void writeArtifact(String relativePath, byte[] content) {
        folder.write(relativePath, content);
    }

    public synchronized Set<Path> inputs() {
        return Set.copyOf(inputs);
    }

    public RunFolder folder() {
        return folder;
    }
}
