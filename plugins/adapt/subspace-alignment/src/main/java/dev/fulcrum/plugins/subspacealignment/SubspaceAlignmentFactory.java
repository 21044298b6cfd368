package dev.fulcrum.plugins.subspacealignment;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.adapt.DomainAdapter;
import dev.fulcrum.api.adapt.DomainAdapterFactory;
import org.pf4j.Extension;

@Extension
public final class SubspaceAlignmentFactory implements DomainAdapterFactory<SubspaceAlignmentParams> {

    @Override
    public String type() {
        return "subspace-alignment";
    }

    @Override
    public String description() {
        return "Subspace alignment (Fernando et al. 2013): each domain is projected on its own leading principal "
                + "components, and the source's basis is rotated onto the target's (M = Ps^T Pt), so both domains share "
                + "coordinates.";
    }

    @Override
    public Class<SubspaceAlignmentParams> paramsType() {
        return SubspaceAlignmentParams.class;
    }

    @Override
    public DomainAdapter create(SubspaceAlignmentParams params, RunContext context) {
        return new SubspaceAlignment(params.dimensions());
    }
}
