package dev.fulcrum.plugins.pruners;

/** The {@code none} pruner has no settings. */
public record NonePrunerParams() {
}
