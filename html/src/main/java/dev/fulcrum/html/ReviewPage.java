package dev.fulcrum.html;

import java.util.List;
import java.util.Optional;

/**
 * The page of {@code fulcrum review} ({@code review.jte}), {@code review.html} beside {@code review.csv}: the chosen
 * rows in the file's order with their columns and, where the rows are images, a thumbnail each (a PNG data URI, so
 * the page is one self-contained file). It needs no charts, so it carries the run page's style sheet alone.
 *
 * @param columns the names of {@code cells}, in order
 */
public record ReviewPage(String title, String summary, String csvFile, List<String> columns, List<Line> lines) {

    /** One chosen row: its cells and its thumbnail's data URI, if it is an image. */
    public record Line(List<String> cells, Optional<String> thumbnail) {
    }

    public boolean hasThumbnails() {
        return lines.stream().anyMatch(line -> line.thumbnail().isPresent());
    }

    public static String render(ReviewPage page) {
        return Templates.render("review.jte", page);
    }
}
