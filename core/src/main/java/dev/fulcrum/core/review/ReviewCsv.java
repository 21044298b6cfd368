package dev.fulcrum.core.review;

import dev.fulcrum.io.CsvFields;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code review.csv}, the file an expert fills in and the {@code feedback:} section applies: RFC 4180 with a header,
 * the columns of {@link #COLUMNS} in that order, one line per chosen row, highest score first; the expert's columns
 * empty.
 */
public final class ReviewCsv {

    public static final String FILE = "review.csv";
    public static final List<String> COLUMNS = List.of("id", "task", "split", "given-label", "predicted-label", "probability",
            "score", "reason", "action", "new-label", "weight", "annotator", "note");
    private static final int EXPERT_COLUMNS = 5;

    private ReviewCsv() {
    }

    public static String text(List<ReviewRow> rows) {
        StringBuilder text = new StringBuilder(CsvFields.line(COLUMNS)).append("\r\n");
        for (ReviewRow row : rows) {
            List<String> fields = new ArrayList<>(List.of(row.id(), row.task(), row.split(),
                    row.givenLabel() == null ? "" : row.givenLabel(), row.predictedLabel(),
                    String.format(Locale.ROOT, "%.6f", row.probability()), String.format(Locale.ROOT, "%.6f", row.score()), row.reason()));
            for (int i = 0; i < EXPERT_COLUMNS; i++) {
                fields.add("");
            }
            text.append(CsvFields.line(fields)).append("\r\n");
        }
        return text.toString();
    }
}
