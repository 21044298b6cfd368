package dev.fulcrum.core.train;

import java.nio.file.Path;

/** Where a run's theta_0 came from when it started from a saved one: the file read and its SHA-256. */
public record StartingPointSource(Path file, String sha256) {
}
