package dev.fulcrum.testkit;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.runtime.CheckedZip;
import dev.fulcrum.runtime.FulcrumModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 mutations of a real run's {@code model.zip} (an MLP on synthetic rows, no transforms)
 * loaded as {@code fulcrum predict} loads it: each loads, or is refused with an
 * {@link InvalidInputException}; nothing else escapes.
 */
class ModelZipFuzzTest {

    @TempDir
    Path folder;

    @Test
    void mutatedArchivesOnlyEverGetAnInvalidInputException() throws IOException {
        byte[] model;
        try (InputStream in = ModelZipFuzzTest.class.getResourceAsStream("/fuzz/mlp-model.zip")) {
            model = in.readAllBytes();
        }
        Path file = folder.resolve("model.zip");
        int count = 10_000;
        int refused = Mutations.fuzz("model-zip", List.of(model), 7, count, input -> {
            Files.write(file, input);
            FulcrumModel.load(file);
        }, InvalidInputException.class);
        assertTrue(refused > count / 2 && refused < count, refused + " of " + count + " refused");
    }

    /**
     * Mutations of one text entry's content, zipped again with right CRC-32s: what gets past the
     * archive checks to Jackson and DL4J's configuration reader, which must still end in an
     * {@link InvalidInputException}. The binary {@code coefficients.bin} is left out: ND4J reads it
     * in native code, and a mutated one can corrupt the native heap and abort the JVM
     * ({@code malloc(): unsorted double linked list corrupted}), which only a checksum of the
     * archive as written could refuse first.
     */
    @Test
    void mutatedEntriesWithRightChecksumsOnlyEverGetAnInvalidInputException() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(CheckedZip.read(seed(), CheckedZip.Limits.MODEL));
        List<String> names = entries.keySet().stream().filter(name -> name.endsWith(".json") || name.endsWith(".yaml")).toList();
        Path file = folder.resolve("model.zip");
        int count = 600;
        int refused = 0;
        for (int i = 0; i < count; i++) {
            String name = names.get(i % names.size());
            Map<String, byte[]> changed = new LinkedHashMap<>(entries);
            changed.put(name, new Mutations(List.of(entries.get(name)), i).next());
            write(file, changed);
            refused += Mutations.fuzz("model-entry-" + name.replace('/', '_'), List.of(Files.readAllBytes(file)), i, 1,
                    input -> FulcrumModel.load(file), InvalidInputException.class);
        }
        assertTrue(refused > count / 4, refused + " of " + count + " refused");
    }

    private static void write(Path file, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
    }

    private Path seed() throws IOException {
        Path seed = folder.resolve("seed.zip");
        try (InputStream in = ModelZipFuzzTest.class.getResourceAsStream("/fuzz/mlp-model.zip")) {
            Files.copy(in, seed);
        }
        return seed;
    }
}
