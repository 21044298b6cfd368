package dev.fulcrum.api.audit;

import dev.fulcrum.api.Stable;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An audit's findings.
 *
 * @param results a JSON-like tree (maps with string keys, lists, strings, numbers, booleans, nulls)
 *                that lands in {@code summary.json} under {@code audit.<name>}
 * @param table   the same findings as a readable table for the terminal
 */
@Stable
public record AuditReport(Map<String, Object> results, String table) {
    public AuditReport {
        results = new LinkedHashMap<>(results);
    }
}
