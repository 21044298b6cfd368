package dev.fulcrum.core.feedback;

import dev.fulcrum.core.config.FeedbackSpec;

/** Reads the corrections file of one {@code feedback:} entry in its format. */
public final class CorrectionsReader {

    private CorrectionsReader() {
    }

    public static CorrectionsFile read(FeedbackSpec spec) {
        CorrectionsFormat format = spec.format() == null ? CorrectionsFormat.detect(spec.file()) : CorrectionsFormat.named(spec.format());
        return switch (format) {
            case REVIEW -> CsvCorrections.review(spec.file(), spec.task());
            case CSV -> CsvCorrections.plain(spec.file(), spec.task());
            case LABEL_STUDIO -> LabelStudioCorrections.read(spec.file(), spec.task(), spec.idField(), spec.labelField());
        };
    }
}
