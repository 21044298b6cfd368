package dev.fulcrum.plugins.samplers;

import dev.fulcrum.api.Doc;

public record GridSamplerParams(
        @Doc("visit the combinations in an order shuffled from the study's seed (false: in declared order, the last parameter varying fastest)") Boolean shuffle) {

    public GridSamplerParams {
        shuffle = shuffle == null ? Boolean.TRUE : shuffle;
    }
}
