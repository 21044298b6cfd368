package dev.fulcrum.plugins.groupfairness;

import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.audit.BiasAuditor;
import dev.fulcrum.api.audit.BiasAuditorFactory;
import org.pf4j.Extension;

import java.util.List;

@Extension
public final class GroupFairnessFactory implements BiasAuditorFactory<GroupFairnessParams> {

    @Override
    public String type() {
        return "group-fairness";
    }

    @Override
    public String description() {
        return "Per-group rates (selection, TPR, FPR, FNR, TNR, PPV, accuracy) over single and intersectional groups, "
                + "their disparities in Fairlearn's and AIF360's conventions, entropy indices, bootstrap intervals and policy gates.";
    }

    @Override
    public Class<GroupFairnessParams> paramsType() {
        return GroupFairnessParams.class;
    }

    @Override
    public BiasAuditor create(GroupFairnessParams params, RunContext context) {
        List<String> known = FairnessMetric.all();
        for (int i = 0; i < params.gates().size(); i++) {
            GateParams gate = params.gates().get(i);
            String field = "gates." + i + ".metric";
            if (!known.contains(gate.metric())) {
                throw new InvalidParamsException(field, "unknown metric \"" + gate.metric() + "\"; known: " + String.join(", ", known));
            }
            if (FairnessMetric.VERSUS_PRIVILEGED.contains(gate.metric()) && params.privileged().isEmpty()) {
                throw new InvalidParamsException(field, gate.metric() + " compares with a privileged group; "
                        + "name one with privileged: {attribute: value}");
            }
            if (FairnessMetric.OVERALL.contains(gate.metric()) && gate.grouping() != null) {
                throw new InvalidParamsException("gates." + i + ".grouping", gate.metric() + " is measured over all rows; leave grouping out");
            }
        }
        long seed = params.seed() != null ? params.seed() : context.seedFor("audit/group-fairness");
        return new GroupFairnessAuditor(params, seed);
    }
}
