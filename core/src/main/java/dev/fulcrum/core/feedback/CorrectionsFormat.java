package dev.fulcrum.core.feedback;

import dev.fulcrum.io.CsvColumns;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The formats of corrections files a {@code feedback:} entry reads. */
public enum CorrectionsFormat {
    /** {@code review.csv}, as {@code fulcrum review} writes it: an {@code action} per row. */
    REVIEW("review"),
    /** A plain CSV of {@code id,label} (optional {@code weight,annotator,note,task}): each row labels a row. */
    CSV("csv"),
    /** Label Studio's JSON-MIN export. */
    LABEL_STUDIO("label-studio");

    private final String label;

    CorrectionsFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static CorrectionsFormat named(String label) {
        for (CorrectionsFormat format : values()) {
            if (format.label.equals(label)) {
                return format;
            }
        }
        throw new IllegalArgumentException("no corrections format " + label);
    }

    /** By extension: {@code .json} is Label Studio's; a {@code .csv} is a review file if its header has {@code action}. */
    public static CorrectionsFormat detect(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return LABEL_STUDIO;
        }
        boolean[] review = new boolean[1];
        CsvColumns.read(file, ',', header -> {
            review[0] = header.contains("action");
            return List.of();
        });
        return review[0] ? REVIEW : CSV;
    }
}
