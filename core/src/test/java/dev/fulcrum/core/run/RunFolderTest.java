package dev.fulcrum.core.run;

import dev.fulcrum.runtime.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RunFolderTest {

    @TempDir
    Path runs;

    @Test
    void twoRunsInTheSameSecondGetTheirOwnFolders() {
        LocalDateTime now = LocalDateTime.of(2026, 11, 26, 20, 0, 1);
        Path first = RunFolder.create(runs, "demo", now).path();
        Path second = RunFolder.create(runs, "demo", now).path();
        assertEquals("demo-20261126-200001", first.getFileName().toString());
        assertEquals("demo-20261126-200001-2", second.getFileName().toString());
    }

    @Test
    void writesReplaceWholeFilesAndLeaveNoPartialFiles() throws IOException {
        RunFolder folder = RunFolder.create(runs, "demo", LocalDateTime.now());
        folder.writeText("summary.json", "{\"a\": 1}");
        folder.writeText("summary.json", "{\"a\": 2}");
        folder.writeText("nested/report.txt", "ok");
        assertEquals("{\"a\": 2}", Files.readString(folder.path().resolve("summary.json")));
        try (Stream<Path> files = Files.walk(folder.path())) {
            assertEquals(List.of("nested/report.txt", "summary.json"), files.filter(Files::isRegularFile)
                    .map(p -> folder.path().relativize(p).toString()).sorted().toList());
        }
    }

    /** Temporary files are their owner's alone; the finished file is as readable as its folder. */
    @Test
    void aWrittenFileGetsTheReadAndWriteBitsOfItsFolder() throws IOException {
        RunFolder folder = RunFolder.create(runs, "demo", LocalDateTime.now());
        Files.setPosixFilePermissions(folder.path(), PosixFilePermissions.fromString("rwxr-x---"));
        folder.writeText("summary.json", "{}");
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("summary.json"))));
        Files.setPosixFilePermissions(folder.path(), PosixFilePermissions.fromString("rwxr-xr-x"));
        folder.writeText("summary.json", "{}");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("summary.json"))));
    }

    @Test
    void namesOutsideTheFolderAreRefused() {
        RunFolder folder = RunFolder.create(runs, "demo", LocalDateTime.now());
        assertThrows(IllegalArgumentException.class, () -> folder.writeText("../escape.txt", "x"));
        assertThrows(IllegalArgumentException.class, () -> folder.writeText("/tmp/escape.txt", "x"));
    }

    @Test
    void derivedSeedsAreStableAndIndependent() {
        assertEquals(Seeds.derive(1, "split"), Seeds.derive(1, "split"));
        assertNotEquals(Seeds.derive(1, "split"), Seeds.derive(2, "split"));
        assertNotEquals(Seeds.derive(1, "split"), Seeds.derive(1, "model"));
    }
}
