package dev.fulcrum.html;

import gg.jte.Content;

/**
 * One section of a run's page: the only way a capability adds to {@code report.html}.
 *
 * <p>To add one (an interpolation curve, ensembles, representations, a review): write a public class with a public
 * no-argument constructor that implements this interface, a template {@code src/main/jte/<name>.jte} with one
 * {@code @param} (the section's view of the run), and a line naming the class in
 * {@code src/main/resources/META-INF/services/dev.fulcrum.html.ReportSection}. The page finds sections with
 * {@link java.util.ServiceLoader}, in that file's order, which is their order on the page; nothing else changes.
 * {@link #applies} reads only what the run folder has ({@link RunView}), so a section appears exactly when its data
 * does; {@link #render} typically returns {@code Templates.content("<name>.jte", model)}. A chart is a
 * {@link Chart} in the model, written with {@code @template.chart(chart = ...)}.
 */
public interface ReportSection {

    /** The {@code id} of the section's {@code <section>} element: letters, digits and {@code -}, unique. */
    String id();

    /** The section's heading. */
    String title();

    /** Whether this run has what the section shows; otherwise the page leaves it out. */
    boolean applies(RunView run);

    /** The section's body (without its heading); called only where {@link #applies} holds. */
    Content render(RunView run);
}
