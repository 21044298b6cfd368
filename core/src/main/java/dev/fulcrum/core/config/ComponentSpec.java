package dev.fulcrum.core.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.runtime.config.ConfigPath;

/**
 * One component as the config names it: its family, its place in the config, its {@code type}, and
 * the rest of its mapping, which binds to the factory's params record.
 */
public record ComponentSpec(Family family, ConfigPath path, String type, ObjectNode params) {
}
