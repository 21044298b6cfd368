package dev.fulcrum.html;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * A run's page, {@code report.html}: one self-contained file (style, chart library and data inlined) that opens
 * offline. Its core is {@code run.jte}: the layout ({@code page.jte}), the header, and every {@link ReportSection}
 * that applies to the run, in the order {@code META-INF/services/dev.fulcrum.html.ReportSection} lists them.
 */
public final class RunReport {

    private static final List<ReportSection> SECTIONS = discover();

    private RunReport() {
    }

    /** The page of the run in {@code runFolder}. */
    public static String render(Path runFolder) {
        return render(RunView.read(runFolder));
    }

    public static String render(RunView run) {
        List<RenderedSection> sections = SECTIONS.stream().filter(section -> section.applies(run))
                .map(section -> new RenderedSection(section.id(), section.title(), section.render(run))).toList();
        return Templates.render("run.jte", new RunPage(RunHeader.of(run), sections));
    }

    /** Writes the page of the run in {@code runFolder} to {@code target}, atomically. */
    public static void write(Path runFolder, Path target) {
        HtmlFile.write(target, render(runFolder));
    }

    /** Every section a page may have, in page order. */
    public static List<ReportSection> sections() {
        return SECTIONS;
    }

    private static List<ReportSection> discover() {
        List<ReportSection> sections = ServiceLoader.load(ReportSection.class, ReportSection.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).toList();
        Set<String> ids = new HashSet<>();
        for (ReportSection section : sections) {
            if (!ids.add(section.id())) {
                throw new IllegalStateException("two report sections have the id " + section.id());
            }
        }
        return sections;
    }

    /** What {@code run.jte} shows. */
    record RunPage(RunHeader header, List<RenderedSection> sections) {
    }

    /** A section that applies, with its body. */
    record RenderedSection(String id, String title, gg.jte.Content body) {
    }
}
