package dev.fulcrum.plugins.samplers;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.RunFolder;

import java.nio.file.Path;

/** The context the host gives a sampler's factory: the study's seed; the samplers write nothing into the folder. */
final class StudyContexts {

    private StudyContexts() {
    }

    static RunContext seeded(long studySeed) {
        return new HostRunContext(studySeed, RunFolder.at(Path.of("target", "study")));
    }
}
