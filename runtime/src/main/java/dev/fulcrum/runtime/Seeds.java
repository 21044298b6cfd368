package dev.fulcrum.runtime;

import java.nio.charset.StandardCharsets;

/** Derives independent seeds for named streams from a run's seed. */
public final class Seeds {

    private Seeds() {
    }

    /**
     * Mixes the stream name's FNV-1a hash into the seed and finishes with SplitMix64's mixer
     * (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014), so
     * nearby seeds and similar names give unrelated streams.
     */
    public static long derive(long seed, String stream) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : stream.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        long z = seed + hash * 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
