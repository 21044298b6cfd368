package dev.fulcrum.spark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.tune.ClusterSpec;
import dev.fulcrum.core.tune.Durations;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code tune.parallel: {type: spark, ...}} read and checked, every fault at its file, line and path.
 *
 * @param master         {@code local[N]} or {@code spark://host:port}, as Spark's {@code --master} takes it
 * @param cores          cores each trial gets: {@code spark.task.cpus}, and the trial's thread budget
 * @param executorMemory {@code spark.executor.memory}
 * @param connectTimeout how long to wait for the master to answer and an executor to register
 * @param conf           more Spark settings, as {@code spark-defaults.conf} takes them, applied last
 */
record SparkSettings(String master, int cores, String executorMemory, Duration connectTimeout, Map<String, String> conf) {

    private static final Set<String> KEYS = Set.of("master", "cores", "executor-memory", "connect-timeout", "conf");
    // Spark's own master forms (SparkContext.createTaskScheduler): local, local[N], local[*], local[N,F], spark://h:p[,h:p]
    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\d+|\\*)(,\\d+)?])?");
    private static final Pattern STANDALONE = Pattern.compile("spark://[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}(,[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5})*");

    static SparkSettings read(ClusterSpec spec) {
        for (Iterator<String> names = spec.settings().fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!KEYS.contains(key)) {
                throw spec.error(key, "unknown key; tune.parallel of type spark has " + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        JsonNode master = spec.setting("master");
        if (!master.isTextual()) {
            throw spec.error("master", "missing: the Spark master, e.g. \"local[2]\" or \"spark://host:7077\"");
        }
        String text = master.asText().trim();
        if (!LOCAL.matcher(text).matches() && !STANDALONE.matcher(text).matches()) {
            throw spec.error("master", "expected local, local[N], local[*], local[N,F] or spark://host:port, got \"" + text + "\"");
        }
        JsonNode cores = spec.setting("cores");
        if (!cores.isMissingNode() && (!cores.isIntegralNumber() || cores.intValue() < 1)) {
            throw spec.error("cores", "expected the cores each trial gets (spark.task.cpus), at least 1, got " + cores);
        }
        JsonNode memory = spec.setting("executor-memory");
        if (!memory.isMissingNode() && !(memory.isTextual() && memory.asText().matches("\\d+[kmgt]?"))) {
            throw spec.error("executor-memory", "expected a size such as 1g or 1500m (spark.executor.memory), got " + memory);
        }
        Duration timeout = Duration.ofSeconds(60);
        JsonNode wait = spec.setting("connect-timeout");
        if (!wait.isMissingNode()) {
            try {
                timeout = Durations.parse(wait.asText());
            } catch (IllegalArgumentException e) {
                throw spec.error("connect-timeout", e.getMessage());
            }
        }
        Map<String, String> conf = new LinkedHashMap<>();
        JsonNode extra = spec.setting("conf");
        if (!extra.isMissingNode()) {
            if (!extra.isObject()) {
                throw spec.error("conf", "expected a mapping of Spark settings, e.g. {spark.executor.cores: 2}");
            }
            extra.fields().forEachRemaining(entry -> {
                if (!entry.getKey().startsWith("spark.") || !entry.getValue().isValueNode()) {
                    throw spec.error("conf", entry.getKey() + ": expected spark.<setting>: <value>");
                }
                conf.put(entry.getKey(), entry.getValue().asText());
            });
        }
        return new SparkSettings(text, cores.isMissingNode() ? 1 : cores.intValue(),
                memory.isMissingNode() ? "1g" : memory.asText(), timeout, conf);
    }

    boolean local() {
        return master.startsWith("local");
    }

    /** The host and port of each master a {@code spark://} URL names. */
    List<String> masters() {
        return List.of(master.substring("spark://".length()).split(","));
    }
}
