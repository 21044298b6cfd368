package dev.fulcrum.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a page beside its final name and then moves it over, so no reader sees half a page. */
public final class HtmlFile {

    private HtmlFile() {
    }

    public static void write(Path target, String html) {
        Path absolute = target.toAbsolutePath();
        try {
            Path folder = absolute.getParent();
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, "." + absolute.getFileName(), ".partial");
            try {
                Files.writeString(partial, html, StandardCharsets.UTF_8);
                Files.move(partial, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
