package dev.fulcrum.api.data;

import dev.fulcrum.api.ComponentFactory;
import dev.fulcrum.api.Stable;

/** The {@code data} family: where rows come from. */
@Stable
public interface DataSourceFactory<P extends Record> extends ComponentFactory<P, DataSource> {
}
