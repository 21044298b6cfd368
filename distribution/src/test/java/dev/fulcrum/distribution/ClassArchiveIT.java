package dev.fulcrum.distribution;

import dev.fulcrum.testkit.CliResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code FULCRUM_CDS_ARCHIVE}: the launcher's opt-in class archive changes nothing a command prints. */
class ClassArchiveIT {

    @TempDir
    Path work;

    private CliResult plugins(Path archive) throws Exception {
        ProcessBuilder command = Launcher.command(work, "plugins");
        command.environment().put("FULCRUM_CDS_ARCHIVE", archive.toString());
        return ChildProcess.run(command, Duration.ofMinutes(2)).assertExit(0);
    }

    @Test
    void theFirstCommandMakesTheArchiveAndTheNextUseItPrintingTheSame() throws Exception {
        CliResult plain = Launcher.run(work, "plugins").assertExit(0);
        Path archive = work.resolve("fulcrum.jsa");

        CliResult making = plugins(archive);
        assertTrue(Files.size(archive) > 1_000_000, "no archive made");
        try (Stream<Path> files = Files.list(work)) {
            assertEquals(List.of(archive), files.filter(f -> f.getFileName().toString().startsWith("fulcrum.jsa")).toList(),
                    "the partial archive was left behind");
        }
        long made = Files.getLastModifiedTime(archive).toMillis();
        CliResult using = plugins(archive);
        assertEquals(made, Files.getLastModifiedTime(archive).toMillis(), "the archive was made again");
        for (CliResult result : List.of(making, using)) {
            assertEquals(plain.out(), result.out());
            assertEquals(plain.err(), result.err(), "the logging settings of conf/ still apply");
        }
    }

    @Test
    void anArchiveThatCannotBeWrittenOrReadIsLeftAside() throws Exception {
        CliResult plain = Launcher.run(work, "plugins").assertExit(0);
        Path unwritable = work.resolve("no-such-folder").resolve("fulcrum.jsa");
        assertEquals(plain.all(), plugins(unwritable).all());
        assertFalse(Files.exists(unwritable.getParent()));

        Path garbage = Files.write(work.resolve("garbage.jsa"), new byte[100_000]);
        assertEquals(plain.all(), plugins(garbage).all());
    }
}
