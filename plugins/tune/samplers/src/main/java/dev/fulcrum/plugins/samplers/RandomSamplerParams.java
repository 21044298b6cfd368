package dev.fulcrum.plugins.samplers;

/** The random sampler has no settings: its randomness comes from each trial's seed. */
public record RandomSamplerParams() {
}
