package dev.fulcrum.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReviewSectionTest {

    @Test
    void aReviewedRunShowsTheQueryItsSummaryALinkToThePageAndItsFirstRows() {
        Document page = Jsoup.parse(RunReport.render(RunReportTest.fixture("reviewed")));
        assertTrue(page.select("main > section").eachAttr("id").contains("review"));
        assertTrue(page.getElementById("review").text().contains("--query label-issues on the general rows: label-issues: 2 of 16 flagged"),
                page.getElementById("review").text());
        assertEquals("review.html", page.select("#review a").attr("href"));
        assertEquals(List.of("id", "given label", "predicted label", "probability", "score", "reason"),
                page.select("#review-rows thead th").eachText());
        assertEquals(List.of("train-images-idx3-ubyte.gz#7", "Coat", "Pullover", "0.8800", "0.8500",
                "given Coat, out-of-fold p(Coat)=0.03 < threshold 0.71; p(Pullover)=0.88"),
                page.select("#review-rows tbody tr").get(0).children().eachText());
        assertEquals(2, page.select("#review-rows tbody tr").size());
    }

    @Test
    void aRunWithoutReviewJsonHasNoReviewSection() {
        Document page = Jsoup.parse(RunReport.render(RunReportTest.fixture("inspected")));
        assertFalse(page.select("main > section").eachAttr("id").contains("review"));
    }
}
