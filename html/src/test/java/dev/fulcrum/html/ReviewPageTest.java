package dev.fulcrum.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReviewPageTest {

    private static final List<String> COLUMNS = List.of("id", "reason");

    @Test
    void everyLineIsATableRowInOrderWithItsThumbnailAndItsTextEscaped() {
        ReviewPage page = new ReviewPage("Review of run", "2 rows", "review.csv", COLUMNS, List.of(
                new ReviewPage.Line(List.of("img#1", "given <b>Coat</b>, p=0.03"), Optional.of("data:image/png;base64,AAAA")),
                new ReviewPage.Line(List.of("img#0", "second"), Optional.empty())));
        Document html = Jsoup.parse(ReviewPage.render(page));
        assertEquals(List.of("#", "image", "id", "reason"), html.select("#review-table thead th").eachText());
        assertEquals(List.of("img#1", "img#0"), html.select("#review-table tbody tr").eachAttr("data-id"));
        assertEquals("data:image/png;base64,AAAA", html.select("#review-table tbody tr").get(0).select("img").attr("src"));
        assertTrue(html.select("#review-table tbody tr").get(1).select("img").isEmpty());
        assertEquals("given <b>Coat</b>, p=0.03", html.select("#review-table tbody tr").get(0).child(3).text(), "shown as text, not markup");
        assertTrue(html.select("script").isEmpty(), "the page needs no script");
    }

    @Test
    void rowsThatAreNotImagesGetNoImageColumn() {
        ReviewPage page = new ReviewPage("Review", "1 row", "review.csv", COLUMNS,
                List.of(new ReviewPage.Line(List.of("data.csv#row=2", "why"), Optional.empty())));
        Document html = Jsoup.parse(ReviewPage.render(page));
        assertEquals(List.of("#", "id", "reason"), html.select("#review-table thead th").eachText());
    }
}
