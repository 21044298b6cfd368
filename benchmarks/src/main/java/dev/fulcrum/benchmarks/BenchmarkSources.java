package dev.fulcrum.benchmarks;

import dev.fulcrum.api.data.DataSource;
import dev.fulcrum.api.data.DataSourceFactory;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.runtime.config.ConfigDocument;
import dev.fulcrum.runtime.config.ConfigPath;
import dev.fulcrum.runtime.config.ParamsBinder;

import java.nio.file.Path;

/** A data source of a host's plugin, made from its params as a pipeline file would give them. */
final class BenchmarkSources {

    private BenchmarkSources() {
    }

    /**
     * @param params the source's params as YAML or JSON
     * @param folder where relative paths in {@code params} start
     */
    static DataSource source(FulcrumHost host, String id, String params, Path folder, HostRunContext context) {
        DataSourceFactory<?> factory = (DataSourceFactory<?>) host.catalog().find(Family.DATA, id)
                .orElseThrow(() -> new IllegalStateException("the " + id + " plugin is not loaded: " + host.problems())).factory();
        ConfigDocument document = ConfigDocument.parse(params, "benchmark");
        Object bound = new ParamsBinder(folder).bind(document.root(), factory.paramsType(), ConfigPath.ROOT, document);
        return create(factory, bound, context);
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> DataSource create(DataSourceFactory<P> factory, Object params, HostRunContext context) {
        return factory.create((P) params, context);
    }
}
