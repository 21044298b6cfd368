package dev.fulcrum.api.audit;

import dev.fulcrum.api.Stable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An audit's findings.
 *
 * @param results a JSON-like tree (maps with string keys, lists, strings, numbers, booleans, nulls)
 *                that lands in {@code summary.json} under {@code audit.<name>}
 * @param table   the same findings as a readable table for the terminal
 * @param gates   the outcome of each policy gate the auditor was configured with
 */
@Stable
public record AuditReport(Map<String, Object> results, String table, List<GateResult> gates) {
    public AuditReport {
        results = new LinkedHashMap<>(results);
        gates = List.copyOf(gates);
    }

    /** Findings without policy gates. */
    public AuditReport(Map<String, Object> results, String table) {
        this(results, table, List.of());
    }

    /** Whether every gate passed (true without gates). */
    public boolean gatesPassed() {
        return gates.stream().allMatch(GateResult::passed);
    }
}
