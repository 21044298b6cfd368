package dev.fulcrum.plugins.groupfairness;

import dev.fulcrum.api.audit.GateResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit as the results tree of {@code summary.json}. A metric that is undefined is written as
 * {@code null}, and the {@code undefined} map beside it says why, under the metric's name.
 */
final class AuditResults {

    private AuditResults() {
    }

    static Map<String, Object> tree(Audit audit) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("task", audit.task());
        tree.put("positive_class", audit.positiveClass());
        tree.put("attributes", audit.attributes());
        Node overall = counts(audit.overall());
        overall.put(FairnessMetric.GENERALIZED_ENTROPY_INDEX, audit.entropyIndex());
        overall.put(FairnessMetric.THEIL_INDEX, audit.theilIndex());
        tree.put("overall", overall.map());
        tree.put("alpha", audit.alpha());
        Map<String, Object> groupings = new LinkedHashMap<>();
        audit.groupings().forEach(g -> groupings.put(g.grouping().name(), grouping(g, audit)));
        tree.put("groupings", groupings);
        Map<String, Object> bootstrap = new LinkedHashMap<>();
        bootstrap.put("resamples", audit.resamples());
        bootstrap.put("confidence", audit.confidence());
        bootstrap.put("seed", audit.seed());
        bootstrap.put("method", "percentile intervals of a Poisson bootstrap over rows");
        tree.put("bootstrap", bootstrap);
        List<Object> gates = new ArrayList<>();
        audit.gates().forEach(gate -> gates.add(gate(gate)));
        tree.put("gates", gates);
        tree.put("gates_passed", audit.gates().stream().allMatch(GateResult::passed));
        return tree;
    }

    private static Map<String, Object> grouping(GroupingAudit audit, Audit whole) {
        Grouping grouping = audit.grouping();
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("attributes", grouping.attributes());
        node.put("privileged", grouping.hasPrivileged() ? grouping.groupName(grouping.privileged()) : null);
        Map<String, Object> groups = new LinkedHashMap<>();
        for (int g = 0; g < grouping.count(); g++) {
            Node group = new Node();
            Map<String, String> values = new LinkedHashMap<>();
            for (int a = 0; a < grouping.attributes().size(); a++) {
                values.put(grouping.attributes().get(a), grouping.groupValues().get(g).get(a));
            }
            group.map.put("values", values);
            group.putAll(counts(audit.groups()[g]));
            groups.put(grouping.groupName(g), group.map());
        }
        node.put("groups", groups);
        Map<String, Object> disparities = new LinkedHashMap<>();
        audit.disparities().forEach((metric, disparity) -> {
            Node entry = new Node();
            for (int i = 0; i < Disparity.SUFFIXES.size(); i++) {
                entry.put(Disparity.SUFFIXES.get(i).substring(1), disparity.measures().get(i));
            }
            if (!disparity.excluded().isEmpty()) {
                entry.map.put("excluded_groups", disparity.excluded());
            }
            disparities.put(metric.key(), entry.map());
        });
        node.put("disparities", disparities);
        node.put("versus_privileged", audit.versusPrivileged() == null ? null : versus(audit.versusPrivileged(), grouping));
        node.put("headline", headline(audit, whole));
        Node between = new Node();
        between.put(FairnessMetric.BETWEEN_GROUP_GENERALIZED_ENTROPY_INDEX, audit.betweenGroupEntropy());
        between.put(FairnessMetric.BETWEEN_GROUP_THEIL_INDEX, audit.betweenGroupTheil());
        node.putAll(between.map());
        return node;
    }

    private static Map<String, Object> versus(VersusPrivileged versus, Grouping grouping) {
        Node node = new Node();
        node.map.put("privileged", grouping.groupName(grouping.privileged()));
        node.map.put("privileged_count", versus.privileged().rows());
        node.map.put("unprivileged_count", versus.unprivileged().rows());
        versus.metrics().forEach(node::put);
        Map<String, Object> ratios = new LinkedHashMap<>();
        versus.ratios().forEach((group, metrics) -> {
            Node entry = new Node();
            metrics.forEach(entry::put);
            ratios.put(group, entry.map());
        });
        node.map.put("ratios_to_privileged", ratios);
        return node.map();
    }

    private static Map<String, Object> headline(GroupingAudit audit, Audit whole) {
        Map<String, Object> headline = new LinkedHashMap<>();
        audit.headline().forEach((metric, measure) -> {
            Node entry = new Node();
            entry.put("value", measure);
            Bootstrap.Interval interval = whole.intervals().get(new Bootstrap.MetricKey(audit.grouping().name(), metric));
            if (interval != null) {
                entry.put("ci_low", interval.low());
                entry.put("ci_high", interval.high());
                entry.map.put("undefined_resamples", interval.undefinedResamples());
            }
            headline.put(metric, entry.map());
        });
        return headline;
    }

    private static Node counts(Confusion confusion) {
        Node node = new Node();
        node.map.put("count", confusion.rows());
        node.map.put("weight", confusion.weight());
        for (RateMetric metric : RateMetric.values()) {
            node.put(metric.key(), metric.of(confusion));
        }
        return node;
    }

    private static Map<String, Object> gate(GateResult gate) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("gate", gate.gate());
        node.put("metric", gate.metric());
        node.put("scope", gate.scope());
        node.put("value", gate.value());
        node.put("comparison", gate.comparison());
        node.put("bound", gate.bound());
        node.put("passed", gate.passed());
        node.put("margin", gate.margin());
        node.put("detail", gate.detail());
        return node;
    }

    /** A results object whose undefined measures are null, with their reasons gathered under "undefined". */
    private static final class Node {
        private final Map<String, Object> map = new LinkedHashMap<>();
        private final Map<String, String> undefined = new LinkedHashMap<>();

        void put(String key, Measure measure) {
            map.put(key, measure.defined() ? measure.value() : null);
            if (!measure.defined()) {
                undefined.put(key, measure.undefined());
            }
        }

        void putAll(Node other) {
            map.putAll(other.map);
            undefined.putAll(other.undefined);
        }

        Map<String, Object> map() {
            Map<String, Object> result = new LinkedHashMap<>(map);
            if (!undefined.isEmpty()) {
                result.put("undefined", new LinkedHashMap<>(undefined));
            }
            return result;
        }
    }
}
