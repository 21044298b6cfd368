package dev.fulcrum.api.data;

import dev.fulcrum.api.Stable;

/**
 * Which split a row belongs to. Sources may pre-assign rows (an official test set, say); the
 * host's splitter assigns the rest.
 */
@Stable
public enum Partition {
    UNASSIGNED, TRAIN, VALIDATION, TEST
}
