package dev.fulcrum.plugins.csv;

import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.data.DataSource;
import dev.fulcrum.api.data.DataSourceFactory;
import org.pf4j.Extension;

@Extension
public final class CsvDataSourceFactory implements DataSourceFactory<CsvParams> {

    @Override
    public String type() {
        return "csv";
    }

    @Override
    public String description() {
        return "Rows of a CSV file with a header: numeric feature columns, one label column, optional sensitive and domain columns.";
    }

    @Override
    public Class<CsvParams> paramsType() {
        return CsvParams.class;
    }

    @Override
    public DataSource create(CsvParams params, RunContext context) {
        if (params.path() == null) {
            throw new InvalidParamsException("path", "missing: name the CSV file");
        }
        return new CsvDataSource(params, context);
    }
}
