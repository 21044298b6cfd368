package dev.fulcrum.html;

import gg.jte.Content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Weight averaging at the end of a phase (schema 6: {@code training.phases[].averaging} = {@code {type, epochs, decay,
 * epochs_averaged, iterations_averaged, validation_before, validation_after}}): per averaging phase and task, validation
 * accuracy and loss with the weights the phase would have kept and with the average. Table {@code averaging}: a row per
 * phase and task.
 */
public final class AveragingSection implements ReportSection {

    @Override
    public String id() {
        return "averaging";
    }

    @Override
    public String title() {
        return "Weight averaging";
    }

    @Override
    public boolean applies(RunView run) {
        return run.summary().at("training", "phases").elements().stream().anyMatch(phase -> phase.get("averaging").isObject());
    }

    @Override
    public Content render(RunView run) {
        List<List<Table.Cell>> rows = new ArrayList<>();
        for (JsonValue phase : run.summary().at("training", "phases").elements()) {
            JsonValue averaging = phase.get("averaging");
            if (!averaging.isObject()) {
                continue;
            }
            String how = averaging.get("type").textOr(Format.NONE).equals("ema")
                    ? "ema, decay " + Format.plain(averaging.get("decay")) + ", " + Format.plain(averaging.get("iterations_averaged")) + " mini-batches"
                    : "swa, " + Format.plain(averaging.get("epochs_averaged")) + " of the last " + Format.plain(averaging.get("epochs")) + " epochs";
            for (Map.Entry<String, JsonValue> task : averaging.get("validation_before").fields().entrySet()) {
                JsonValue after = averaging.get("validation_after").get(task.getKey());
                rows.add(List.of(Table.Cell.label(phase.get("name").textOr(Format.NONE)), Table.Cell.label(how),
                        Table.Cell.label(task.getKey()), Table.Cell.number(task.getValue().get("accuracy")),
                        Table.Cell.number(after.get("accuracy")), Table.Cell.number(task.getValue().get("loss")),
                        Table.Cell.number(after.get("loss"))));
            }
        }
        return Templates.content("averaging.jte", new Table("averaging", List.of("phase", "averaged", "task",
                "validation accuracy before", "after", "validation loss before", "after"), rows));
    }
}
