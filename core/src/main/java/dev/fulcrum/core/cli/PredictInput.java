package dev.fulcrum.core.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.ComponentFactory;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.data.DataSource;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.core.config.SplitConfig;
import dev.fulcrum.core.host.FactoryCatalog;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.pipeline.Splitter;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.run.ScratchFolder;
import dev.fulcrum.io.CsvColumns;
import dev.fulcrum.runtime.FulcrumModel;
import dev.fulcrum.runtime.RowColumns;
import dev.fulcrum.runtime.Seeds;
import dev.fulcrum.runtime.config.ConfigDocument;
import dev.fulcrum.runtime.config.ConfigLimits;
import dev.fulcrum.runtime.config.ConfigPath;
import dev.fulcrum.runtime.config.ParamsBinder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The new rows of {@code fulcrum predict}, raw, in the model's input schema, with an id per row:
 * a CSV file of columns by name, a YAML data-source mapping made through the host's plugins (with
 * the run's own split where a partition is asked for), or IDX images read by the {@code idx} source.
 *
 * @param ids a CSV's {@code id} column, else each CSV row's number in the file (from 0); the source's
 *     row ids for a mapping or IDX images ({@code t10k-images-idx3-ubyte.gz#17})
 */
record PredictInput(Dataset rows, String[] ids) {

    private static final String IDX = "idx";

    static PredictInput read(FulcrumModel model, FulcrumHost host, Path data, Path labels, Partition partition) {
        String name = data.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(data)) {
            throw new InvalidInputException(data + ": no such file");
        }
        if (partition != null && !(name.endsWith(".yaml") || name.endsWith(".yml"))) {
            throw new InvalidInputException("--partition picks rows of a data-source mapping (a .yaml file); " + data + " is not one");
        }
        if (labels != null && (name.endsWith(".csv") || name.endsWith(".yaml") || name.endsWith(".yml"))) {
            throw new InvalidInputException("--labels goes with IDX images; " + data + " carries its own labels");
        }
        if (name.endsWith(".csv")) {
            return csv(model, data);
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            ConfigDocument document = ConfigDocument.parse(text(data), data.toString());
            return fromSource(model, host, document, data.toAbsolutePath().getParent(), partition);
        }
        return fromSource(model, host, idxMapping(data, labels, model), data.toAbsolutePath().getParent(), null);
    }

    private static PredictInput csv(FulcrumModel model, Path data) {
        CsvColumns columns = CsvColumns.read(data, ',', header -> header.names());
        CsvRows rows = new CsvRows(columns);
        Dataset raw = model.rawRows(rows);
        String[] ids = rows.columns().contains(RowColumns.ID) ? columns.column(RowColumns.ID) : numbered(rows.rows());
        return new PredictInput(raw, ids);
    }

    /**
     * The {@code idx} source's mapping for the images (and their labels, if given), with the label
     * values and names the run's idx source had. Unlabelled images need the label values: where the
     * run kept every label of its file, those are its task's classes, named by {@code class-names}
     * or by the values themselves.
     */
    private static ConfigDocument idxMapping(Path images, Path labels, FulcrumModel model) {
        ObjectNode mapping = Json.object().put("type", IDX);
        mapping.put("images", images.toAbsolutePath().toString());
        if (labels != null) {
            mapping.put("labels", labels.toAbsolutePath().toString());
        }
        JsonNode specific = model.savedPipeline().root().path("data").path("specific");
        if (specific.path("type").asText().equals(IDX)) {
            for (String key : List.of("classes", "class-names")) {
                if (specific.hasNonNull(key)) {
                    mapping.set(key, specific.get(key));
                }
            }
        }
        if (labels == null && !mapping.has("classes")) {
            mapping.set("classes", Json.tree(labelValues(model, mapping.path("class-names"), images)));
        }
        return ConfigDocument.parse(mapping.toString(), images.toString());
    }

    private static List<Integer> labelValues(FulcrumModel model, JsonNode classNames, Path images) {
        List<String> classes = model.inputSchema().task(Tasks.SPECIFIC).orElseThrow(() -> new InvalidInputException(
                images + ": the model has no specific task to predict these images for")).classes();
        List<Integer> values = new ArrayList<>();
        for (String name : classes) {
            int value = -1;
            if (classNames.isArray()) {
                for (int i = 0; i < classNames.size(); i++) {
                    value = classNames.get(i).asText().equals(name) ? i : value;
                }
            } else if (name.matches("\\d{1,3}")) {
                value = Integer.parseInt(name);
            }
            if (value < 0) {
                throw new InvalidInputException(images + ": cannot tell the label value of the model's class \"" + name
                        + "\"; give --labels FILE");
            }
            values.add(value);
        }
        return values;
    }

    private static PredictInput fromSource(FulcrumModel model, FulcrumHost host, ConfigDocument document, Path folder,
                                           Partition partition) {
        ConfigDocument saved = model.savedPipeline();
        ObjectNode pipeline = saved.root();
        long seed = pipeline.path("seed").asLong(0);
        Dataset data = named(load(host, document, folder, seed));
        if (partition != null) {
            if (pipeline.path("data").hasNonNull("general")) {
                throw new InvalidInputException("--partition splits the rows as the run did, which needs all of the run's data; "
                        + "the run also had data.general, so give a mapping of the specific data without --partition");
            }
            SplitConfig split = new ParamsBinder(folder).bind(pipeline.path("split"), SplitConfig.class,
                    ConfigPath.ROOT.child("split"), saved);
            data = data.select(Splitter.split(data, split, Seeds.derive(seed, "split")).rowsIn(partition));
        }
        return new PredictInput(model.inRawSchema(data), data.ids());
    }

    /** Loads the rows of a data-source mapping through the host's plugins, with the run's seed. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Dataset load(FulcrumHost host, ConfigDocument document, Path folder, long seed) {
        JsonNode type = document.root().get("type");
        if (type == null || !type.isTextual()) {
            throw document.error(ConfigPath.ROOT.child("type"), "missing: a data-source mapping names its type, e.g. {type: csv, path: rows.csv}");
        }
        FactoryCatalog.Entry entry = host.catalog().find(Family.DATA, type.asText()).orElseThrow(() -> document.error(
                ConfigPath.ROOT.child("type"), host.catalog().unknownType(Family.DATA, type.asText())));
        ObjectNode params = document.root().deepCopy();
        params.remove("type");
        ComponentFactory factory = entry.factory();
        Record bound = (Record) new ParamsBinder(folder).bind(params, factory.paramsType(), ConfigPath.ROOT, document);
        try (ScratchFolder scratch = ScratchFolder.create("predict")) {
            DataSource source = (DataSource) factory.create(bound, new HostRunContext(seed, scratch.runFolder()));
            Dataset data = source.load();
            if (data == null || data.rows() == 0) {
                throw new InvalidInputException(document.sourceName() + ": the " + type.asText() + " source loaded no rows");
            }
            return data;
        } catch (InvalidParamsException e) {
            throw document.error(ConfigPath.ROOT.resolve(e.field()), e.problem());
        }
    }

    /** The source's first task is the specific one, as a run names it, unless it has a task of that name. */
    private static Dataset named(Dataset data) {
        if (data.schema().tasks().isEmpty() || data.schema().task(Tasks.SPECIFIC).isPresent()) {
            return data;
        }
        String first = data.schema().taskNames().get(0);
        return first.equals(Tasks.GENERAL) ? data : data.withTaskRenamed(first, Tasks.SPECIFIC);
    }

    private static String[] numbered(int rows) {
        String[] ids = new String[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = Integer.toString(i);
        }
        return ids;
    }

    private static String text(Path file) {
        try {
            return ConfigLimits.text(file);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
