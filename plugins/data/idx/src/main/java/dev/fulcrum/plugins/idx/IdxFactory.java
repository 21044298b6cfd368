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
                + "a seeded limit of labelled rows per class, and an optional test file pair for the test split.";
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
            throw new InvalidParamsException("labels", "missing: name the IDX label file");
        }
        long seed = params.seed() != null ? params.seed() : context.seedFor("data/idx");
        return new IdxDataSource(params, seed, context);
    }
}
