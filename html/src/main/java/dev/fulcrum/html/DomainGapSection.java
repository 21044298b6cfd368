package dev.fulcrum.html;

import gg.jte.Content;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * How far apart the source and target rows are before and after the domain adapters ({@code summary.domain_gap}:
 * covariance distance, linear and RBF MMD, domain-classifier accuracy; docs/adaptation.md). Table {@code domain-gap}.
 */
public final class DomainGapSection implements ReportSection {

    @Override
    public String id() {
        return "domain-gap";
    }

    @Override
    public String title() {
        return "Domain gap";
    }

    @Override
    public boolean applies(RunView run) {
        return run.summary().get("domain_gap").isObject();
    }

    @Override
    public Content render(RunView run) {
        JsonValue gap = run.summary().get("domain_gap");
        Set<String> measures = new LinkedHashSet<>(gap.get("before").fields().keySet());
        measures.addAll(gap.get("after").fields().keySet());
        List<List<Table.Cell>> rows = new ArrayList<>();
        for (String measure : measures) {
            JsonValue before = gap.at("before", measure);
            JsonValue after = gap.at("after", measure);
            OptionalDouble change = before.isNumber() && after.isNumber()
                    ? OptionalDouble.of(after.number().getAsDouble() - before.number().getAsDouble())
                    : OptionalDouble.empty();
            rows.add(List.of(Table.Cell.label(measure), Table.Cell.number(before), Table.Cell.number(after),
                    new Table.Cell(Format.number(change), null, null)));
        }
        return Templates.content("domainGap.jte", new View(Format.plain(gap.get("rows_per_domain")),
                new Table("domain-gap", List.of("measure", "before", "after", "after - before"), rows)));
    }

    record View(String rowsPerDomain, Table table) {
    }
}
