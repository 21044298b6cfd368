package dev.fulcrum.plugins.fairnessmitigation;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.mitigate.Mitigator;
import dev.fulcrum.api.mitigate.MitigatorFactory;
import org.pf4j.Extension;

@Extension
public final class ReweighingFactory implements MitigatorFactory<ReweighingParams> {

    @Override
    public String type() {
        return "reweighing";
    }

    @Override
    public String description() {
        return "Pre-processing (Kamiran and Calders 2012): weighs each training row by W_g W_c / (W W_gc) so that every "
                + "(intersectional) group has the same label distribution; total weight is preserved.";
    }

    @Override
    public Class<ReweighingParams> paramsType() {
        return ReweighingParams.class;
    }

    @Override
    public Mitigator create(ReweighingParams params, RunContext context) {
        return new Reweighing(params);
    }
}
