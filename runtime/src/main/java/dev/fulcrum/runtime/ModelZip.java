package dev.fulcrum.runtime;

import dev.fulcrum.api.InvalidInputException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The reading side of {@code model.zip}: the network as DL4J's {@code ModelSerializer} writes it,
 * plus Fulcrum's own entries under {@code fulcrum/}: text files (the resolved pipeline config, the
 * layer names and schemas, a post-processing decision rule) and the fitted state of each feature
 * transform, as {@code fulcrum/features/<index>/<name>} in ND4J's binary format, and of each domain
 * adapter's transform, as {@code fulcrum/adapt/<index>/<name>}. The host's
 * {@code ModelArchive} writes it.
 */
public final class ModelZip {

    public static final String FILE = "model.zip";
    /** Where Fulcrum's entries live inside the archive. */
    public static final String PREFIX = "fulcrum/";
    /** Where the feature transforms' states live inside the archive. */
    public static final String FEATURES = PREFIX + "features/";
    /** Where the fitted domain transforms' states live inside the archive, by the adapter's index in {@code adapt}. */
    public static final String ADAPT = PREFIX + "adapt/";
    /** The resolved pipeline config. */
    public static final String PIPELINE = "pipeline.yaml";
    /** Layer names and schemas. */
    public static final String DESCRIPTION = "model.json";
    /** The post-processing mitigator's fitted rule, where the run had one. */
    public static final String DECISION_RULE = "decision-rule.json";

    private ModelZip() {
    }

    /** Reads one of Fulcrum's text entries back. */
    public static String readText(Path archive, String name) {
        return readOptionalText(archive, name).orElseThrow(() -> new IllegalArgumentException(
                archive + " has no entry " + PREFIX + name + "; was it written by Fulcrum?"));
    }

    /** One of Fulcrum's optional text entries, if the archive has it. */
    public static Optional<String> readOptionalText(Path archive, String name) {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry entry = zip.getEntry(PREFIX + name);
            if (entry == null) {
                return Optional.empty();
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + archive, e);
        }
    }

    /** The saved state of each feature transform, in pipeline order. */
    public static List<Map<String, INDArray>> readFeatureStates(Path archive, int transforms) {
        return readStates(archive, FEATURES, transforms);
    }

    /** The saved state of each domain adapter's transform, in pipeline order (empty for one that saved none). */
    public static List<Map<String, INDArray>> readAdaptStates(Path archive, int adapters) {
        return readStates(archive, ADAPT, adapters);
    }

    /** The states saved as {@code <prefix><index>/<name>}, one map per index below {@code count}. */
    private static List<Map<String, INDArray>> readStates(Path archive, String prefix, int count) {
        List<Map<String, INDArray>> states = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            states.add(new LinkedHashMap<>());
        }
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().startsWith(prefix) || entry.isDirectory()) {
                    continue;
                }
                String rest = entry.getName().substring(prefix.length());
                int index = stateIndex(archive, entry.getName(), rest, count);
                try (DataInputStream in = new DataInputStream(zip.getInputStream(entry))) {
                    states.get(index).put(rest.substring(rest.indexOf('/') + 1), Nd4j.read(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + archive, e);
        }
        return states;
    }

    /** The transform an entry {@code <index>/<name>} belongs to, refused where the pipeline has no such transform. */
    private static int stateIndex(Path archive, String entry, String rest, int count) {
        int slash = rest.indexOf('/');
        String digits = slash < 0 ? "" : rest.substring(0, slash);
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit) || Integer.parseInt(digits) >= count) {
            throw new InvalidInputException(archive + ": entry " + entry + " belongs to no transform of its pipeline (it has " + count + ")");
        }
        return Integer.parseInt(digits);
    }
}
