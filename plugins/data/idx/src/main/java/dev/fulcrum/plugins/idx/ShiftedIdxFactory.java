package dev.fulcrum.plugins.idx;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.data.DataSource;
import dev.fulcrum.api.data.DataSourceFactory;
import org.pf4j.Extension;

@Extension
public final class ShiftedIdxFactory implements DataSourceFactory<ShiftedIdxParams> {

    @Override
    public String type() {
        return "shifted-idx";
    }

    @Override
    public String description() {
        return "IDX images (by default Fashion-MNIST) as a labelled source domain, and other images of the set, seen "
                + "through a shift (contrast, inversion or noise), as the target domain.";
    }

    @Override
    public Class<ShiftedIdxParams> paramsType() {
        return ShiftedIdxParams.class;
    }

    @Override
    public DataSource create(ShiftedIdxParams params, RunContext context) {
        long seed = params.seed() != null ? params.seed() : context.seedFor("data/shifted-idx");
        return new ShiftedIdxSource(params, seed, context);
    }
}
