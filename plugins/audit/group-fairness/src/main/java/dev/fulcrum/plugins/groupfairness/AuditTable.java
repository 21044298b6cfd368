package dev.fulcrum.plugins.groupfairness;

import dev.fulcrum.api.audit.GateResult;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The audit as a table for the terminal; undefined values show as n/a, with their reasons below. */
final class AuditTable {

    private static final String NA = "n/a";

    private AuditTable() {
    }

    static String render(Audit audit) {
        StringBuilder out = new StringBuilder();
        Confusion overall = audit.overall();
        out.append(String.format(Locale.ROOT, "task %s, positive class \"%s\": %d rows, weight %s%n", audit.task(),
                audit.positiveClass(), overall.rows(), GateCheck.number(overall.weight())));
        Set<String> notes = new LinkedHashSet<>();
        out.append(String.format(Locale.ROOT, "generalized entropy index (alpha %s) %s, Theil index %s%n",
                GateCheck.number(audit.alpha()), value(audit.entropyIndex(), "overall GE", notes),
                value(audit.theilIndex(), "overall Theil", notes)));
        notes.forEach(note -> out.append("  n/a ").append(note).append('\n'));
        for (GroupingAudit grouping : audit.groupings()) {
            out.append('\n');
            grouping(out, grouping, audit);
        }
        if (!audit.gates().isEmpty()) {
            out.append("\ngates\n");
            for (GateResult gate : audit.gates()) {
                out.append(String.format(Locale.ROOT, "  %s  %s [%s]: %s%n", gate.passed() ? "PASS" : "FAIL", gate.gate(),
                        gate.scope(), gate.detail()));
            }
        }
        return out.toString();
    }

    private static void grouping(StringBuilder out, GroupingAudit audit, Audit whole) {
        Grouping grouping = audit.grouping();
        Set<String> notes = new LinkedHashSet<>();
        out.append("grouping ").append(grouping.name())
                .append(grouping.hasPrivileged() ? " (privileged: " + grouping.groupName(grouping.privileged()) + ")" : "")
                .append('\n');
        int width = Math.max(9, maxNameLength(grouping) + 2);
        List<String> header = new ArrayList<>(List.of("rows", "weight"));
        for (RateMetric metric : RateMetric.values()) {
            header.add(metric.heading());
        }
        out.append(row(grouping.name(), header, width));
        for (int g = 0; g < grouping.count(); g++) {
            out.append(row(grouping.groupName(g), counts(audit.groups()[g], grouping.groupName(g), notes), width));
        }
        out.append(row("(overall)", counts(whole.overall(), "overall", notes), width));
        out.append(row("across groups", List.of("diff", "ratio", "diff-all", "ratio-all"), width + 8));
        audit.disparities().forEach((metric, disparity) -> {
            if (!disparity.excluded().isEmpty()) {
                notes.add(metric.heading() + " across groups leaves out " + String.join(", ", disparity.excluded().keySet()));
            }
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < Disparity.SUFFIXES.size(); i++) {
                cells.add(value(disparity.measures().get(i), metric.key() + Disparity.SUFFIXES.get(i), notes));
            }
            out.append(row("  " + metric.heading(), cells, width + 8));
        });
        String intervalHeading = whole.intervals().isEmpty() ? "" : String.format(Locale.ROOT, "%d%% CI (%d resamples)",
                Math.round(whole.confidence() * 100), whole.resamples());
        out.append(String.format(Locale.ROOT, "  %-32s %8s  %s%n", "headline", "value", intervalHeading));
        audit.headline().forEach((metric, measure) -> {
            Bootstrap.Interval interval = whole.intervals().get(new Bootstrap.MetricKey(grouping.name(), metric));
            String range = interval == null ? "" : "[" + value(interval.low(), metric + " interval", notes) + ", "
                    + value(interval.high(), metric + " interval", notes) + "]";
            out.append(String.format(Locale.ROOT, "  %-32s %8s  %s%n", metric, value(measure, metric, notes), range));
        });
        out.append(String.format(Locale.ROOT, "  %-32s %8s%n", "between-group GE", value(audit.betweenGroupEntropy(), "between-group GE", notes)));
        notes.forEach(note -> out.append("  n/a ").append(note).append('\n'));
    }

    private static List<String> counts(Confusion confusion, String name, Set<String> notes) {
        List<String> cells = new ArrayList<>();
        cells.add(Long.toString(confusion.rows()));
        cells.add(GateCheck.number(confusion.weight()));
        for (RateMetric metric : RateMetric.values()) {
            cells.add(value(metric.of(confusion), name + " " + metric.heading(), notes));
        }
        return cells;
    }

    private static String value(Measure measure, String what, Set<String> notes) {
        if (measure.defined()) {
            return String.format(Locale.ROOT, "%.4f", measure.value());
        }
        notes.add(what + ": " + measure.undefined());
        return NA;
    }

    private static String row(String label, List<String> cells, int labelWidth) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-" + labelWidth + "s", label));
        for (String cell : cells) {
            line.append(String.format(Locale.ROOT, " %8s", cell));
        }
        return line.append('\n').toString();
    }

    private static int maxNameLength(Grouping grouping) {
        int max = grouping.name().length();
        for (int g = 0; g < grouping.count(); g++) {
            max = Math.max(max, grouping.groupName(g).length());
        }
        return max;
    }
}
