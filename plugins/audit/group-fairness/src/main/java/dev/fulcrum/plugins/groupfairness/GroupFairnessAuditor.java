package dev.fulcrum.plugins.groupfairness;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.audit.AuditInput;
import dev.fulcrum.api.audit.AuditReport;
import dev.fulcrum.api.audit.BiasAuditor;
import dev.fulcrum.api.audit.GateResult;
import dev.fulcrum.math.rows.Groups;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Audits decisions group by group: one pass over the rows fills a few cells per intersectional
 * group, and every grouping, metric, bootstrap resample and gate is computed from those cells.
 */
final class GroupFairnessAuditor implements BiasAuditor {

    private final GroupFairnessParams params;
    private final long seed;

    GroupFairnessAuditor(GroupFairnessParams params, long seed) {
        this.params = params;
        this.seed = seed;
    }

    @Override
    public AuditReport audit(AuditInput input) {
        Audit audit = measure(input);
        return new AuditReport(AuditResults.tree(audit), AuditTable.render(audit), audit.gates());
    }

    Audit measure(AuditInput input) {
        int positive = positiveClass(input.classes());
        List<String> attributes = attributes(input);
        Groups intersectional = Groups.of(input.sensitive(), attributes);
        CellCounts cells = CellCounts.count(intersectional.codes(), intersectional.count(), input.labels(),
                input.predictions(), input.weights(), positive);
        Confusion overall = CellCounts.total(cells.rows, cells.weight);
        List<Grouping> groupings = groupings(intersectional, attributes);
        List<GroupingAudit> audits = groupings.stream()
                .map(g -> GroupingAudit.of(g, cells.rows, cells.weight, overall, params.alpha())).toList();
        Map<Bootstrap.MetricKey, Bootstrap.Interval> intervals = params.bootstrap() == 0 ? Map.of()
                : new Bootstrap(params.bootstrap(), params.confidence(), seed).intervals(cells, (rows, weights) -> {
                    Confusion resampledOverall = CellCounts.total(rows, weights);
                    Map<Bootstrap.MetricKey, Measure> values = new LinkedHashMap<>();
                    for (Grouping grouping : groupings) {
                        GroupingAudit.headline(grouping, rows, weights, resampledOverall)
                                .forEach((metric, value) -> values.put(new Bootstrap.MetricKey(grouping.name(), metric), value));
                    }
                    return values;
                });
        Measure entropy = EntropyIndex.of(overall, params.alpha());
        Measure theil = EntropyIndex.of(overall, 1);
        Map<String, Map<String, Measure>> scalars = new LinkedHashMap<>();
        audits.forEach(a -> scalars.put(a.grouping().name(), a.scalars()));
        Map<String, Measure> overallScalars = Map.of(FairnessMetric.GENERALIZED_ENTROPY_INDEX, entropy,
                FairnessMetric.THEIL_INDEX, theil);
        List<GateResult> gates = GateCheck.evaluate(params.gates(), scalars, overallScalars);
        return new Audit(input.task(), input.classes().get(positive), attributes, overall, params.alpha(), entropy, theil,
                audits, intervals, params.bootstrap(), params.confidence(), seed, gates);
    }

    private int positiveClass(List<String> classes) {
        if (params.positiveClass() == null) {
            return 1;
        }
        int index = classes.indexOf(params.positiveClass());
        if (index < 0) {
            throw new InvalidInputException("positive-class \"" + params.positiveClass() + "\" is not a class of the task; classes are " + classes);
        }
        return index;
    }

    private List<String> attributes(AuditInput input) {
        List<String> attributes = params.attributes() != null ? params.attributes() : List.copyOf(input.sensitive().keySet());
        if (attributes.isEmpty()) {
            throw new InvalidInputException("the rows have no sensitive attributes to audit");
        }
        for (String attribute : params.privileged().keySet()) {
            if (!attributes.contains(attribute)) {
                throw new InvalidInputException("privileged names attribute \"" + attribute
                        + "\", which is not among the audited attributes " + attributes);
            }
        }
        return attributes;
    }

    /** Each attribute alone, then all of them together when there are several. */
    private List<Grouping> groupings(Groups intersectional, List<String> attributes) {
        List<Grouping> groupings = new ArrayList<>();
        for (String attribute : attributes) {
            groupings.add(Grouping.of(intersectional, List.of(attribute), params.privileged()));
        }
        if (attributes.size() > 1 && params.intersectional()) {
            groupings.add(Grouping.of(intersectional, attributes, params.privileged()));
        }
        return groupings;
    }
}
