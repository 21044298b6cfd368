package dev.fulcrum.core.host;

import dev.fulcrum.api.InvalidInputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The text of {@code plugins.lock}: a comment, a format line, a header, then one tab-separated line per
 * plugin, sorted by id, so that the same plugins always give the same bytes (and the same hash in provenance).
 */
final class PluginLockFormat {

    static final int VERSION = 1;
    private static final String COMMENT = "# Fulcrum plugin lock, written by \"fulcrum plugins --lock\". The host refuses every jar of"
            + " this folder that is not listed here, or whose SHA-256 differs.";
    private static final String FORMAT_LINE = "format\t" + VERSION;
    private static final String HEADER = "id\tversion\tfile\tsha256";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private PluginLockFormat() {
    }

    static String format(List<PluginLock.Entry> entries) {
        StringBuilder text = new StringBuilder(COMMENT).append('\n').append(FORMAT_LINE).append('\n').append(HEADER).append('\n');
        entries.stream().sorted(Comparator.comparing(PluginLock.Entry::id)).forEach(entry -> {
            for (String field : List.of(entry.id(), entry.version(), entry.file())) {
                if (field.isEmpty() || field.chars().anyMatch(c -> c == '\t' || c == '\n' || c == '\r')) {
                    throw new IllegalArgumentException("a plugin lock field cannot be empty or hold a tab or line break: \"" + field + "\"");
                }
            }
            text.append(String.join("\t", entry.id(), entry.version(), entry.file(), entry.sha256())).append('\n');
        });
        return text.toString();
    }

    /** The entries of a lock file's text; a fault names the file and line. */
    static List<PluginLock.Entry> parse(Path file, String text) {
        List<PluginLock.Entry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> files = new HashSet<>();
        String[] lines = text.split("\n", -1);
        int expect = 0; // 0: the format line, 1: the header, 2: entries
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            if (line.isEmpty() && i == lines.length - 1 || line.startsWith("#")) {
                continue;
            }
            if (expect == 0) {
                if (!line.startsWith("format\t")) {
                    throw error(file, number, "expected the format line \"" + FORMAT_LINE.replace("\t", "<tab>") + "\", got \"" + line + "\"");
                }
                if (!line.equals(FORMAT_LINE)) {
                    throw error(file, number, "format " + line.substring("format\t".length()) + " is not one this Fulcrum reads (" + VERSION
                            + "); write the lock again with \"fulcrum plugins --lock\"");
                }
            } else if (expect == 1) {
                if (!line.equals(HEADER)) {
                    throw error(file, number, "expected the header \"" + HEADER.replace("\t", "<tab>") + "\", got \"" + line + "\"");
                }
            } else {
                entries.add(entry(file, number, line, ids, files));
            }
            expect = Math.min(expect + 1, 2);
        }
        if (expect < 2) {
            throw error(file, lines.length, "the lock ends before its " + (expect == 0 ? "format line" : "header"));
        }
        return entries;
    }

    private static PluginLock.Entry entry(Path file, int number, String line, Set<String> ids, Set<String> files) {
        String[] fields = line.split("\t", -1);
        if (fields.length != 4) {
            throw error(file, number, "expected 4 tab-separated fields (id, version, file, sha256), got " + fields.length);
        }
        for (int f = 0; f < 3; f++) {
            if (fields[f].isBlank()) {
                throw error(file, number, List.of("id", "version", "file").get(f) + " is empty");
            }
        }
        if (!fields[2].endsWith(".jar") || fields[2].contains("/") || fields[2].contains("\\")) {
            throw error(file, number, "file must be the name of a jar in the plugins folder, got \"" + fields[2] + "\"");
        }
        if (!SHA256.matcher(fields[3]).matches()) {
            throw error(file, number, "sha256 must be 64 lower-case hex digits, got \"" + fields[3] + "\"");
        }
        if (!ids.add(fields[0])) {
            throw error(file, number, "plugin " + fields[0] + " is pinned twice");
        }
        if (!files.add(fields[2])) {
            throw error(file, number, "jar " + fields[2] + " is pinned twice");
        }
        return new PluginLock.Entry(fields[0], fields[1], fields[2], fields[3]);
    }

    private static InvalidInputException error(Path file, int line, String problem) {
        return new InvalidInputException(file + ":" + line + ": " + problem);
    }
}
