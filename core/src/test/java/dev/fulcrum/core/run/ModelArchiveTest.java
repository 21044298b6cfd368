package dev.fulcrum.core.run;

import dev.fulcrum.runtime.ModelZip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class ModelArchiveTest {

    @TempDir
    Path folder;

    @Test
    void addedTextsJoinTheEntriesAlreadyThere() throws IOException {
        Path archive = folder.resolve(ModelArchive.FILE);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(archive))) {
            out.putNextEntry(new ZipEntry("configuration.json"));
            out.write("{}".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("fulcrum/model.json"));
            out.write("layers".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertEquals(Optional.empty(), ModelZip.readOptionalText(archive, "decision-rule.json"));
        ModelArchive.addTexts(RunFolder.at(folder), Map.of("decision-rule.json", "{\"thresholds\": [0.4]}"));
        assertEquals(Optional.of("{\"thresholds\": [0.4]}"), ModelZip.readOptionalText(archive, "decision-rule.json"));
        assertEquals("layers", ModelZip.readText(archive, "model.json"));
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            assertNotNull(zip.getEntry("configuration.json"));
            assertEquals(3, zip.size());
        }
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count(), "no partial file is left behind");
        }
    }
}
