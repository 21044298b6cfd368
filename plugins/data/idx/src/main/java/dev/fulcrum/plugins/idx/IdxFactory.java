package dev.fulcrum.plugins.idx;

import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.data.DataSource;
import dev.fulcrum.api.data.DataSourceFactory;
import org.pf4j.Extension;

@Extension
public final class IdxFactory implements DataSourceFactory<IdxParams> {

    @Override
    public String type() {
        return "idx";
    }

    @Override
    public String description() {
        return "Images and labels from MNIST-format IDX files (gzip or plain), scaled to [0, 1]: a class filter, "
                + "a seeded limit of labelled rows per class, and an optional test file pair for the test split; "
                + "images without labels (rows to predict) given the task's classes.";
    }

    @Override
    public Class<IdxParams> paramsType() {
        return IdxParams.class;
    }

    @Override
    public DataSource create(IdxParams params, RunContext context) {
        if (params.images() == null) {
            throw new InvalidParamsException("images", "missing: name the IDX image file");
        }
        if (params.labels() == null) {
            unlabelled(params);
        }
        long seed = params.seed() != null ? params.seed() : context.seedFor("data/idx");
        return new IdxDataSource(params, seed, context);
    }

    /** Images without labels (new rows to predict) need the task's classes, and nothing that draws rows by label. */
    private static void unlabelled(IdxParams params) {
        if (params.classes() == null) {
            throw new InvalidParamsException("labels", "missing: name the IDX label file (images without labels, to predict, "
                    + "need classes: the label values of the task)");
        }
        for (var drawn : new Object[][] {{"per-class", params.perClass()}, {"test-images", params.testImages()}}) {
            if (drawn[1] != null) {
                throw new InvalidParamsException((String) drawn[0], "needs labels; these images have none");
            }
        }
        if (params.validationPerClass() > 0) {
            throw new InvalidParamsException("validation-per-class", "needs labels; these images have none");
        }
    }
}
