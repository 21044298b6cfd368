package dev.fulcrum.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A seeded mutation fuzzer: inputs made from a corpus of valid seed inputs by flipping bits,
 * overwriting bytes and 32-bit fields with edge values, truncating, inserting, deleting,
 * duplicating and splicing. The same seed gives the same inputs, so a failure replays with plain
 * {@code mvn test}; the failing input is also written under {@code target/fuzz-failures/}.
 */
public final class Mutations {

    /** What a reader does with one input; it may throw only the exception types the fuzz test allows. */
    @FunctionalInterface
    public interface Reader {
        void read(byte[] input) throws Exception;
    }

    private static final int[] EDGE_INTS = {0, 1, -1, 0x7F, 0x80, 0xFF, 0x7FFF, 0xFFFF, Integer.MAX_VALUE, Integer.MIN_VALUE,
            0x10000, 0x40000000, 60_000, 28};
    private static final byte[] EDGE_BYTES = {0, 1, (byte) 0x7F, (byte) 0x80, (byte) 0xFF, '\n', '\r', ',', '"', ';', '\t', '\\'};

    private final List<byte[]> seeds;
    private final SplittableRandom random;

    public Mutations(List<byte[]> seeds, long seed) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("a fuzzer needs at least one seed input");
        }
        this.seeds = List.copyOf(seeds);
        this.random = new SplittableRandom(seed);
    }

    /**
     * Feeds {@code count} mutated inputs to {@code reader} and fails the test at the first that
     * throws anything but {@code allowed} (an {@link Error} such as {@link OutOfMemoryError} included).
     *
     * @return how many inputs were refused (threw an allowed exception), for the test to check
     *     that the mutations reach both sides of the reader's checks
     */
    @SafeVarargs
    public static int fuzz(String name, List<byte[]> seeds, long seed, int count, Reader reader,
                            Class<? extends Exception>... allowed) {
        Mutations mutations = new Mutations(seeds, seed);
        int refused = 0;
        for (int i = 0; i < count; i++) {
            byte[] input = mutations.next();
            try {
                reader.read(input);
            } catch (Throwable thrown) {
                if (Arrays.stream(allowed).noneMatch(type -> type.isInstance(thrown))) {
                    Path saved = save(name, i, input);
                    fail(name + " input " + i + " (seed " + seed + ", saved as " + saved + ") threw " + thrown, thrown);
                }
                refused++;
            }
        }
        return refused;
    }

    /** The next input: a seed, or a splice of two, changed by one to four mutations. */
    public byte[] next() {
        byte[] input = seeds.get(random.nextInt(seeds.size()));
        int steps = 1 + random.nextInt(4);
        for (int i = 0; i < steps; i++) {
            input = mutate(input);
        }
        return input;
    }

    private byte[] mutate(byte[] input) {
        int length = input.length;
        int at = length == 0 ? 0 : random.nextInt(length);
        byte[] out;
        switch (random.nextInt(9)) {
            case 0 -> { // flip one bit
                out = input.clone();
                if (length > 0) {
                    out[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> { // an edge byte
                out = input.clone();
                if (length > 0) {
                    out[at] = EDGE_BYTES[random.nextInt(EDGE_BYTES.length)];
                }
            }
            case 2 -> { // an edge 32-bit big-endian field (sizes, counts, dimensions)
                out = input.clone();
                int value = EDGE_INTS[random.nextInt(EDGE_INTS.length)];
                for (int b = 0; b < 4 && at + b < length; b++) {
                    out[at + b] = (byte) (value >>> (24 - 8 * b));
                }
            }
            case 3 -> out = Arrays.copyOf(input, at); // truncate
            case 4 -> { // insert random bytes
                byte[] inserted = new byte[1 + random.nextInt(16)];
                for (int b = 0; b < inserted.length; b++) {
                    inserted[b] = (byte) random.nextInt(256);
                }
                out = join(Arrays.copyOf(input, at), inserted, Arrays.copyOfRange(input, at, length));
            }
            case 5 -> { // delete a chunk
                int end = Math.min(length, at + 1 + random.nextInt(64));
                out = join(Arrays.copyOf(input, at), Arrays.copyOfRange(input, end, length));
            }
            case 6 -> { // duplicate a chunk in place
                int end = Math.min(length, at + 1 + random.nextInt(64));
                out = join(Arrays.copyOf(input, end), Arrays.copyOfRange(input, at, length));
            }
            case 7 -> { // splice: this input's start, another seed's end
                byte[] other = seeds.get(random.nextInt(seeds.size()));
                int from = other.length == 0 ? 0 : random.nextInt(other.length);
                out = join(Arrays.copyOf(input, at), Arrays.copyOfRange(other, from, other.length));
            }
            default -> { // repeat a byte many times (long fields, long lines)
                byte repeated = length == 0 ? (byte) 'x' : input[at];
                byte[] run = new byte[1 + random.nextInt(4096)];
                Arrays.fill(run, repeated);
                out = join(Arrays.copyOf(input, at), run, Arrays.copyOfRange(input, at, length));
            }
        }
        return out;
    }

    private static byte[] join(byte[]... parts) {
        int total = 0;
        for (byte[] part : parts) {
            total += part.length;
        }
        byte[] out = new byte[total];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    private static Path save(String name, int index, byte[] input) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "fuzz-failures"));
            return Files.write(folder.resolve(name + "-" + index + ".bin"), input).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed inputs: every file of a folder, in name order. */
    public static List<byte[]> seedsIn(Path folder) {
        try (var files = Files.list(folder)) {
            List<byte[]> seeds = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                seeds.add(Files.readAllBytes(file));
            }
            return seeds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
