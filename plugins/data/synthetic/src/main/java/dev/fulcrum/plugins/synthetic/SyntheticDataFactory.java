package dev.fulcrum.plugins.synthetic;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.data.DataSource;
import dev.fulcrum.api.data.DataSourceFactory;
import org.pf4j.Extension;

@Extension
public final class SyntheticDataFactory implements DataSourceFactory<SyntheticParams> {

    @Override
    public String type() {
        return "synthetic";
    }

    @Override
    public String description() {
        return "Seeded synthetic rows with a general and a specific task that share structure, a source and a "
                + "shifted target domain, and a sensitive attribute 'group' that biases the specific labels.";
    }

    @Override
    public Class<SyntheticParams> paramsType() {
        return SyntheticParams.class;
    }

    @Override
    public DataSource create(SyntheticParams params, RunContext context) {
        long seed = params.seed() != null ? params.seed() : context.seedFor("data/synthetic");
        SyntheticGenerator generator = new SyntheticGenerator(params);
        return () -> generator.generate(seed);
    }
}
