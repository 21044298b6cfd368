package dev.fulcrum.core.tune;

import dev.fulcrum.api.tune.StudyStorage;
import dev.fulcrum.core.run.RunFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A study's folder, {@code <runs>/<study>/}: {@code study.db} (the database), {@code trials/} (one
 * ordinary run folder per trial, {@code trials/<number>-<timestamp>/}), {@code workers/} (the log
 * of each worker process) and the outputs beside them.
 */
public record StudyFolder(Path path, String study) {

    public static final String DATABASE = "study.db";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    public static StudyFolder of(Path runsRoot, String study) {
        return new StudyFolder(runsRoot.resolve(study), study);
    }

    /**
     * An existing study folder found by its path; the study's name is the one its database holds,
     * which is the folder's name unless {@code --new} moved the folder aside.
     */
    public static StudyFolder open(Path folder) {
        String name = folder.toAbsolutePath().normalize().getFileName().toString();
        int aside = name.indexOf(".old-");
        return new StudyFolder(folder, aside > 0 ? name.substring(0, aside) : name);
    }

    public Path database() {
        return path.resolve(DATABASE);
    }

    public Path trials() {
        return path.resolve("trials");
    }

    public Path workers() {
        return path.resolve("workers");
    }

    /** Whether a study was started here before. */
    public boolean exists() {
        return Files.exists(database());
    }

    /** Opens the study's database, creating the folder and the database where they do not exist. */
    public StudyStorage open() {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the study folder " + path, e);
        }
        return SqliteStudyStorage.open(database(), study);
    }

    /**
     * Opens the study's database: study {@link #study} on {@code sharedDatabase}, its login from the
     * environment, or, where that is {@code null}, {@link #DATABASE} here as {@link #open()}.
     */
    public StudyStorage open(PostgresUrl sharedDatabase) {
        return sharedDatabase == null ? open()
                : PostgresStudyStorage.open(sharedDatabase, study, PostgresLogin.fromEnvironment(sharedDatabase));
    }

    /** A new, empty run folder for a trial. */
    public RunFolder newTrialFolder(int number) {
        return RunFolder.create(trials(), String.valueOf(number), LocalDateTime.now());
    }

    /**
     * Moves the folder aside, for {@code --new}: to {@code <study>.old-<timestamp>} beside it, so that
     * no earlier result is lost. Returns where it went.
     */
    public Path moveAside(LocalDateTime now) {
        Path target = path.resolveSibling(study + ".old-" + STAMP.format(now));
        for (int attempt = 2; Files.exists(target); attempt++) {
            target = path.resolveSibling(study + ".old-" + STAMP.format(now) + "-" + attempt);
        }
        try {
            return Files.move(path, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the old study folder " + path + " aside", e);
        }
    }
}
