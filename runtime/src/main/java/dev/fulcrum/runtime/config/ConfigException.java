package dev.fulcrum.runtime.config;

import dev.fulcrum.api.InvalidInputException;

/** A config problem at a known place: {@code where: path: problem}, e.g. {@code p.yaml:12: strategy.epochs: ...}. */
public final class ConfigException extends InvalidInputException {

    public ConfigException(String where, ConfigPath path, String problem) {
        super(where + ": " + (path.isRoot() ? "" : path + ": ") + problem);
    }
}
