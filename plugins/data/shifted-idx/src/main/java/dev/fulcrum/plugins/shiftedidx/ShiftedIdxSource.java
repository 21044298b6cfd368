package dev.fulcrum.plugins.shiftedidx;

import dev.fulcrum.api.DataFileException;
import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.data.DataSource;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.ImageShape;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Source rows (the source file's images, as they are) followed by target rows (the target file's images, shifted). */
final class ShiftedIdxSource implements DataSource {

    private final ShiftedIdxParams params;
    private final long seed;
    private final RunContext context;

    ShiftedIdxSource(ShiftedIdxParams params, long seed, RunContext context) {
        this.params = params;
        this.seed = seed;
        this.context = context;
    }

    @Override
    public Dataset load() {
        IdxFiles.Images source = IdxFiles.images(file(params.sourceImages()), params.sourceRows());
        IdxFiles.Images target = IdxFiles.images(file(params.targetImages()), params.targetRows());
        int[] sourceLabels = labels(params.sourceLabels(), source);
        int[] targetLabels = labels(params.targetLabels(), target);
        if (source.height() != target.height() || source.width() != target.width()) {
            throw new DataFileException(file(params.targetImages()), 0, null, "images are " + target.height() + "x"
                    + target.width() + ", the source's " + source.height() + "x" + source.width());
        }
        for (String name : List.of(params.sourceImages(), params.sourceLabels(), params.targetImages(), params.targetLabels())) {
            context.recordInput(file(name));
        }
        int n = sourceLabels.length + targetLabels.length;
        int[] labels = Arrays.copyOf(sourceLabels, n);
        System.arraycopy(targetLabels, 0, labels, sourceLabels.length, targetLabels.length);
        int[] domains = new int[n];
        Arrays.fill(domains, sourceLabels.length, n, 1);
        ImageShape shape = new ImageShape(1, source.height(), source.width());
        Schema schema = new Schema(Schema.numberedFeatures("pixel", shape.size(), "idx"),
                List.of(new Task(Tasks.SPECIFIC, params.classes())), List.of(Domains.SOURCE, Domains.TARGET), shape);
        return Dataset.builder(schema, Nd4j.vstack(source.pixels(), Shift.named(params.shift()).apply(target.pixels(), params, seed)))
                .labels(Tasks.SPECIFIC, labels)
                .domains(domains)
                .build();
    }

    private Path file(String name) {
        return params.folder().resolve(name);
    }

    private int[] labels(String name, IdxFiles.Images images) {
        Path file = file(name);
        int[] labels = IdxFiles.labels(file, (int) images.pixels().rows());
        if (labels.length != images.pixels().rows()) {
            throw new DataFileException(file, 0, null, "has " + labels.length + " labels for " + images.pixels().rows() + " images");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= params.classes().size()) {
                throw new DataFileException(file, i + 1, null, "label " + labels[i] + " is outside the "
                        + params.classes().size() + " classes " + params.classes());
            }
        }
        return labels;
    }
}
