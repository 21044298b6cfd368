package dev.fulcrum.core.run;

import dev.fulcrum.api.model.TrainableModel;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * {@code model.zip}: the network as DL4J's {@link ModelSerializer} writes it (so DL4J alone can
 * restore it), plus Fulcrum's own entries under {@code fulcrum/}: the resolved pipeline config,
 * the schema and the names of trunk and head layers.
 */
public final class ModelArchive {

    public static final String FILE = "model.zip";

    private ModelArchive() {
    }

    /**
     * @param extras entry name (under {@code fulcrum/}) to UTF-8 text
     */
    public static void write(RunFolder folder, TrainableModel model, Map<String, String> extras) {
        Path target = folder.resolve(FILE);
        try {
            Path network = Files.createTempFile(folder.path(), ".network", ".partial");
            Path archive = Files.createTempFile(folder.path(), "." + FILE, ".partial");
            try {
                ModelSerializer.writeModel(model.graph(), network.toFile(), false);
                try (ZipFile source = new ZipFile(network.toFile());
                     ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(archive))) {
                    copyEntries(source, out);
                    for (Map.Entry<String, String> extra : extras.entrySet()) {
                        out.putNextEntry(new ZipEntry("fulcrum/" + extra.getKey()));
                        out.write(extra.getValue().getBytes(StandardCharsets.UTF_8));
                        out.closeEntry();
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

    /** Reads one of Fulcrum's own entries back. */
    public static String readExtra(Path archive, String name) {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry entry = zip.getEntry("fulcrum/" + name);
            if (entry == null) {
                throw new IllegalArgumentException(archive + " has no entry fulcrum/" + name);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + archive, e);
        }
    }
}
