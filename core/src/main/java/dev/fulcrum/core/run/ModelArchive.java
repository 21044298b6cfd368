package dev.fulcrum.core.run;

import dev.fulcrum.api.model.TrainableModel;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * {@code model.zip}: the network as DL4J's {@link ModelSerializer} writes it (so DL4J alone can
 * restore it), plus Fulcrum's own entries under {@code fulcrum/}: text files (the resolved pipeline
 * config, the layer names and schemas) and the fitted state of each feature transform, as
 * {@code fulcrum/features/<index>/<name>} in ND4J's binary format. Stages after training may add
 * text entries (a post-processing decision rule, say).
 */
public final class ModelArchive {

    public static final String FILE = "model.zip";
    private static final String PREFIX = "fulcrum/";
    private static final String FEATURES = PREFIX + "features/";

    private ModelArchive() {
    }

    /**
     * @param texts         entry name (under {@code fulcrum/}) to UTF-8 text
     * @param featureStates the state of each fitted feature transform, in pipeline order
     */
    public static void write(RunFolder folder, TrainableModel model, Map<String, String> texts,
                             List<Map<String, INDArray>> featureStates) {
        Path target = folder.resolve(FILE);
        try {
            Path network = Files.createTempFile(folder.path(), ".network", ".partial");
            Path archive = Files.createTempFile(folder.path(), "." + FILE, ".partial");
            try {
                ModelSerializer.writeModel(model.graph(), network.toFile(), false);
                try (ZipFile source = new ZipFile(network.toFile());
                     ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(archive))) {
                    copyEntries(source, out);
                    for (Map.Entry<String, String> text : texts.entrySet()) {
                        out.putNextEntry(new ZipEntry(PREFIX + text.getKey()));
                        out.write(text.getValue().getBytes(StandardCharsets.UTF_8));
                        out.closeEntry();
                    }
                    for (int i = 0; i < featureStates.size(); i++) {
                        for (Map.Entry<String, INDArray> entry : featureStates.get(i).entrySet()) {
                            out.putNextEntry(new ZipEntry(FEATURES + i + "/" + entry.getKey()));
                            DataOutputStream data = new DataOutputStream(out);
                            Nd4j.write(entry.getValue(), data);
                            data.flush();
                            out.closeEntry();
                        }
                    }
                }
                RunFolder.moveInto(archive, target);
            } finally {
                Files.deleteIfExists(network);
                Files.deleteIfExists(archive);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Adds text entries (under {@code fulcrum/}) to the folder's {@code model.zip}, atomically. */
    public static void addTexts(RunFolder folder, Map<String, String> texts) {
        Path target = folder.resolve(FILE);
        try {
            Path archive = Files.createTempFile(folder.path(), "." + FILE, ".partial");
            try {
                try (ZipFile source = new ZipFile(target.toFile());
                     ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(archive))) {
                    copyEntries(source, out);
                    for (Map.Entry<String, String> text : texts.entrySet()) {
                        out.putNextEntry(new ZipEntry(PREFIX + text.getKey()));
                        out.write(text.getValue().getBytes(StandardCharsets.UTF_8));
                        out.closeEntry();
                    }
                }
                RunFolder.moveInto(archive, target);
            } finally {
                Files.deleteIfExists(archive);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add to " + target, e);
        }
    }

    private static void copyEntries(ZipFile source, ZipOutputStream out) throws IOException {
        Enumeration<? extends ZipEntry> entries = source.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            out.putNextEntry(new ZipEntry(entry.getName()));
            try (InputStream in = source.getInputStream(entry)) {
                in.transferTo(out);
            }
            out.closeEntry();
        }
    }

    /** Reads one of Fulcrum's text entries back. */
    public static String readText(Path archive, String name) {
        return readOptionalText(archive, name).orElseThrow(() -> new IllegalArgumentException(
                archive + " has no entry " + PREFIX + name + "; was it written by Fulcrum?"));
    }

    /** One of Fulcrum's optional text entries, if the archive has it. */
    public static java.util.Optional<String> readOptionalText(Path archive, String name) {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry entry = zip.getEntry(PREFIX + name);
            if (entry == null) {
                return java.util.Optional.empty();
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return java.util.Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + archive, e);
        }
    }

    /** The saved state of each feature transform, in pipeline order. */
    public static List<Map<String, INDArray>> readFeatureStates(Path archive, int transforms) {
        List<Map<String, INDArray>> states = new ArrayList<>();
        for (int i = 0; i < transforms; i++) {
            states.add(new LinkedHashMap<>());
        }
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().startsWith(FEATURES) || entry.isDirectory()) {
                    continue;
                }
                String rest = entry.getName().substring(FEATURES.length());
                int index = Integer.parseInt(rest.substring(0, rest.indexOf('/')));
                try (DataInputStream in = new DataInputStream(zip.getInputStream(entry))) {
                    states.get(index).put(rest.substring(rest.indexOf('/') + 1), Nd4j.read(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + archive, e);
        }
        return states;
    }
}
