package dev.fulcrum.core.run;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.runtime.CheckedZip;
import dev.fulcrum.runtime.ModelZip;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Writes {@code model.zip} ({@link ModelZip} reads it): the network as DL4J's {@link ModelSerializer} writes it (so DL4J alone can
 * restore it), plus Fulcrum's own entries under {@code fulcrum/}: text files (the resolved pipeline
 * config, the layer names and schemas) and the fitted state of each feature transform, as
 * {@code fulcrum/features/<index>/<name>} in ND4J's binary format, and that of each domain adapter's
 * transform, as {@code fulcrum/adapt/<index>/<name>}. Stages after training may add
 * text entries (a post-processing decision rule, say).
 */
public final class ModelArchive {

    public static final String FILE = ModelZip.FILE;
    /** theta_0, the network as specific training started: parameters only, as DL4J's {@link ModelSerializer} writes them. */
    public static final String STARTING_POINT = "theta0.zip";
    private static final String PREFIX = ModelZip.PREFIX;
    private static final String FEATURES = ModelZip.FEATURES;
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private ModelArchive() {
    }

    /**
     * @param texts         entry name (under {@code fulcrum/}) to UTF-8 text
     * @param featureStates the state of each fitted feature transform, in pipeline order
     * @param adaptStates   the state of each domain adapter's fitted transform, in pipeline order (empty: none saved)
     */
    public static void write(RunFolder folder, TrainableModel model, Map<String, String> texts,
                             List<Map<String, INDArray>> featureStates, List<Map<String, INDArray>> adaptStates) {
        writeArchive(folder, FILE, model.graph(), out -> {
            for (Map.Entry<String, String> text : texts.entrySet()) {
                out.putNextEntry(entry(PREFIX + text.getKey()));
                out.write(text.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            writeStates(out, FEATURES, featureStates);
            writeStates(out, ModelZip.ADAPT, adaptStates);
        });
    }

    /** What a {@code model.zip} holds beside the network: its {@code fulcrum/} entries. */
    private interface FulcrumEntries {
        void writeTo(ZipOutputStream out) throws IOException;
    }

    /**
     * Writes {@code name} into the folder atomically: {@code graph} without updater state, then {@code entries}.
     * Every entry gets the same fixed time, so that the same model makes the same bytes.
     */
    private static void writeArchive(RunFolder folder, String name, ComputationGraph graph, FulcrumEntries entries) {
        Path target = folder.resolve(name);
        try {
            Path network = Files.createTempFile(folder.path(), ".network", ".partial");
            Path archive = Files.createTempFile(folder.path(), "." + name, ".partial");
            try {
                ModelSerializer.writeModel(graph, network.toFile(), false);
                try (ZipFile source = new ZipFile(network.toFile());
                     ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(archive))) {
                    copyEntries(source, out);
                    entries.writeTo(out);
                }
                AtomicFile.commit(archive, target);
            } finally {
                Files.deleteIfExists(network);
                Files.deleteIfExists(archive);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private static void writeStates(ZipOutputStream out, String prefix, List<Map<String, INDArray>> states) throws IOException {
        for (int i = 0; i < states.size(); i++) {
            for (Map.Entry<String, INDArray> entry : states.get(i).entrySet()) {
                out.putNextEntry(entry(prefix + i + "/" + entry.getKey()));
                DataOutputStream data = new DataOutputStream(out);
                Nd4j.write(entry.getValue(), data);
                data.flush();
                out.closeEntry();
            }
        }
    }

    /**
     * Writes {@link #STARTING_POINT}: a copy of {@code graph} holding {@code parameters} (a parameter table of
     * it), without updater state, so that DL4J's {@code ModelSerializer.restoreComputationGraph} reads it.
     */
    public static void writeStartingPoint(RunFolder folder, ComputationGraph graph, Map<String, INDArray> parameters) {
        ComputationGraph copy = graph.clone();
        parameters.forEach(copy::setParam);
        writeArchive(folder, STARTING_POINT, copy, out -> { });
    }

    /**
     * Writes the folder's {@code model.zip} with {@code graph} as its network (no updater state) and every
     * {@code fulcrum/} entry of {@code source} (another {@code model.zip} of the same pipeline: its config,
     * schemas and fitted transforms), for a model made from saved ones, as a soup is.
     */
    public static void writeWithNetworkOf(RunFolder folder, ComputationGraph graph, Path source) {
        writeArchive(folder, FILE, graph, out -> {
            try (ZipFile fulcrum = new ZipFile(source.toFile())) {
                Enumeration<? extends ZipEntry> entries = fulcrum.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    if (entry.getName().startsWith(PREFIX)) {
                        out.putNextEntry(entry(entry.getName()));
                        try (InputStream in = fulcrum.getInputStream(entry)) {
                            in.transferTo(out);
                        }
                        out.closeEntry();
                    }
                }
            }
        });
    }

    /**
     * Reads a network saved without Fulcrum's entries, as {@link #STARTING_POINT} is.
     *
     * @throws InvalidInputException naming the file where it is not a saved network
     */
    public static ComputationGraph readNetwork(Path file) {
        CheckedZip.check(file, CheckedZip.Limits.MODEL);
        try {
            return ModelSerializer.restoreComputationGraph(file.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(file + ": not a saved network (" + e.getMessage() + ")", e);
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
                        out.putNextEntry(entry(PREFIX + text.getKey()));
                        out.write(text.getValue().getBytes(StandardCharsets.UTF_8));
                        out.closeEntry();
                    }
                }
                AtomicFile.commit(archive, target);
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
            out.putNextEntry(entry(entry.getName()));
            try (InputStream in = source.getInputStream(entry)) {
                in.transferTo(out);
            }
            out.closeEntry();
        }
    }

    /**
     * A new entry with a fixed time (the zip epoch: 1980-01-01 00:00), not the clock's, so that the same content makes
     * the same archive bytes: every archive a run writes (model, theta_0, checkpoints) uses it.
     */
    public static ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(FIXED_TIME);
        return entry;
    }
}
