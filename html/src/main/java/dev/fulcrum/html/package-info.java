/**
 * Self-contained HTML pages of runs: style, Apache ECharts and every chart's data inlined, so a page opens offline.
 *
 * <p>Entry point: {@link dev.fulcrum.html.RunReport} ({@code render(Path runFolder)}, {@code write(runFolder,
 * target)}), reading a run folder through {@link dev.fulcrum.html.RunView}; Jackson stays inside this module.
 *
 * <p>Building blocks other pages share: {@code page.jte} (the layout: head, style, inlined ECharts, the bootstrap
 * script after the body; parameters {@code String title}, {@code gg.jte.Content body}), {@code chart.jte} (one
 * {@link dev.fulcrum.html.Chart}), {@link dev.fulcrum.html.ChartOptions}, {@link dev.fulcrum.html.ChartJson},
 * {@link dev.fulcrum.html.Templates} and {@link dev.fulcrum.html.HtmlFile}. The chart convention browser tests rely
 * on is stated on {@link dev.fulcrum.html.PageAssets}.
 *
 * <p>A later capability adds a section to the run's page as {@link dev.fulcrum.html.ReportSection} describes: one
 * class, one template, one line in {@code META-INF/services/dev.fulcrum.html.ReportSection}.
 */
package dev.fulcrum.html;
