package dev.fulcrum.io;

import dev.fulcrum.api.DataFileException;

import java.nio.file.Path;
import java.util.List;

/** The column names on the first line of a CSV file, in order. A missing name is an error on row 1 that lists them. */
public final class CsvHeader {

    private final Path file;
    private final List<String> names;

    CsvHeader(Path file, List<String> names) {
        this.file = file;
        this.names = List.copyOf(names);
    }

    public List<String> names() {
        return names;
    }

    public boolean contains(String name) {
        return names.contains(name);
    }

    /** Fails unless the header has the column: {@code no column "race" in the header; columns are [...]}. */
    public void require(String name) {
        if (!contains(name)) {
            throw missing(name, "no column \"" + name + "\" in the header");
        }
    }

    /**
     * Fails unless the header has the column a role needs:
     * {@code the label column "outcome" is not in the header; columns are [...]}.
     */
    public void require(String name, String role) {
        if (!contains(name)) {
            throw missing(name, "the " + role + " column \"" + name + "\" is not in the header");
        }
    }

    int index(String name) {
        return names.indexOf(name);
    }

    int size() {
        return names.size();
    }

    private DataFileException missing(String name, String problem) {
        return new DataFileException(file, 1, name, problem + "; columns are " + names);
    }
}
