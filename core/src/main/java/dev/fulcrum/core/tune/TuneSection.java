package dev.fulcrum.core.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.Doc;
import dev.fulcrum.api.params.AtLeast;

import java.util.LinkedHashMap;
import java.util.List;

/** The {@code tune:} section of a pipeline file as written, bound by the params binder; {@link TuneConfigReader} reads it further. */
record TuneSection(
        @Doc("the study's name, which names its folder under --runs (default: the pipeline's name)") String name,
        @Doc("what the study optimises: [{metric: validation.specific.accuracy, direction: max}, ...]") List<ObjectiveSection> objectives,
        @Doc("let an objective read the test split (default false: objectives read validation metrics)") Boolean allowTest,
        @Doc("config path (as --set takes it) to its values: {float: [lo, hi]}, {int: [lo, hi]}, {choice: [...]} or {fixed: v}")
        LinkedHashMap<String, ParameterSection> parameters,
        @Doc("seed of the sampler's draws (default: the pipeline's seed, which every trial's run keeps)") Long seed,
        @Doc("the sampler: {type: tpe, ...its params} (default tpe)") ObjectNode sampler,
        @Doc("the pruner: {type: none, ...its params} (default none)") ObjectNode pruner,
        @Doc("trials in the study, trial 0 included (default 20)") @AtLeast(1) Integer trials,
        @Doc("what the whole study may spend on training, over every trial and worker: {seconds, samples, flops} (any of "
                + "them; seconds are each trial's training wall time, summed); no trial starts once spent, and a running one "
                + "ends after the epoch in which it ran out (default: no limit)") JsonNode budget,
        @Doc("no trial starts once this much wall time has passed, e.g. 45s, 30m, 2h (default: no limit)") String timeout,
        @Doc("worker processes on this machine sharing the study (default 1), or an engine that runs the trials: "
                + "{type: spark, master: \"spark://host:7077\"} (docs/scale.md)") JsonNode parallel,
        @Doc("failed trials that stop the study (default 5)") @AtLeast(1) Integer maxFailed,
        @Doc("which trials keep model.zip: front (the non-dominated ones, default) or all") String keepModels,
        @Doc("picks best.yaml's trial from the front: {max: specific.accuracy, subject-to: \"general.accuracy >= 0.85\"}")
        JsonNode select,
        @Doc("where the study's trials live: postgresql://host[:port]/database, shared by workers on any machine "
                + "(credentials from PGUSER/PGPASSWORD or PGPASSFILE); default: study.db (SQLite) in the study folder")
        String storage) {

    /** One objective as written. */
    record ObjectiveSection(@Doc("a metric path of summary.json under metrics: validation.<task>.<metric>") String metric,
                            @Doc("max or min") String direction) {
    }
}
