package dev.fulcrum.html;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders the page of {@code fulcrum compare --html} ({@code compare.jte} in the run page's layout):
 * the runs table, the runs on the specific-vs-general plane with the non-dominated ones marked, the
 * learning curves overlaid, and each study's front and trials. {@link CompareCharts} names the charts.
 */
public final class ComparePageRenderer {

    /** Up to this many differing config paths the table shows open; more (runs of different strategies) start folded. */
    static final int OPEN_CONFIG_PATHS = 10;

    private ComparePageRenderer() {
    }

    public static String render(ComparePage page) {
        List<StudyView> studies = new ArrayList<>();
        for (int i = 0; i < page.studies().size(); i++) {
            ComparedStudy study = page.studies().get(i);
            studies.add(new StudyView(study, CompareCharts.trials(i, study)));
        }
        return Templates.render("compare.jte", new View(page, CompareCharts.plane(page.runs()),
                CompareCharts.curve("specific", page.runs(), ComparedRun.CurvePoint::specific),
                CompareCharts.curve("general", page.runs(), ComparedRun.CurvePoint::general), studies));
    }

    /** Renders the page and writes it to {@code target} atomically (beside it, then moved over it). */
    public static void write(ComparePage page, Path target) {
        HtmlFile.write(target, render(page));
    }

    /** A metric to four decimals, {@code -} where undefined. */
    static String metric(Double value) {
        return value == null ? Format.NONE : String.format(Locale.ROOT, "%.4f", value);
    }

    /** A signed difference to four decimals (forgetting). */
    static String signed(Double value) {
        return value == null ? Format.NONE : String.format(Locale.ROOT, "%+.4f", value);
    }

    static String seconds(Double value) {
        return value == null ? Format.NONE : Format.seconds(value);
    }

    /** A count with thousands separators (parameters). */
    static String count(Long value) {
        return value == null ? Format.NONE : String.format(Locale.ROOT, "%,d", value);
    }

    /** FLOPs to three significant digits, as {@code 1.23e+12}. */
    static String flops(Double value) {
        return value == null ? Format.NONE : String.format(Locale.ROOT, "%.3g", value);
    }

    /** Bytes as MiB. */
    static String mebibytes(Long value) {
        return value == null ? Format.NONE : String.format(Locale.ROOT, "%.0f MiB", value / (1024.0 * 1024));
    }

    /** The tolerance of {@code --efficiency} in points of accuracy. */
    static String points(Double tolerance) {
        return tolerance == null ? Format.NONE : String.format(Locale.ROOT, "%.2f", tolerance * 100);
    }

    record View(ComparePage page, Optional<Chart> plane, Optional<Chart> specificCurve, Optional<Chart> generalCurve,
                List<StudyView> studies) {
    }

    record StudyView(ComparedStudy study, Optional<Chart> trials) {
    }
}
