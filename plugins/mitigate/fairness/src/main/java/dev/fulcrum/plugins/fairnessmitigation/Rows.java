package dev.fulcrum.plugins.fairnessmitigation;

import dev.fulcrum.api.data.Dataset;

import java.util.LinkedHashMap;
import java.util.Map;

/** The sensitive attributes of chosen rows. */
final class Rows {

    private Rows() {
    }

    static Map<String, String[]> sensitive(Dataset data, int[] rows) {
        Map<String, String[]> picked = new LinkedHashMap<>();
        data.sensitive().forEach((name, values) -> {
            String[] subset = new String[rows.length];
            for (int i = 0; i < rows.length; i++) {
                subset[i] = values[rows[i]];
            }
            picked.put(name, subset);
        });
        return picked;
    }
}
