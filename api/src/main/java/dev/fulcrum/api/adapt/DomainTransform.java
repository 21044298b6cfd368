package dev.fulcrum.api.adapt;

import dev.fulcrum.api.Experimental;
import dev.fulcrum.api.data.Dataset;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/**
 * A fitted domain adaptation of the features: a map per domain, learnt once, that applies to any
 * rows by their domain (never by their partition), so that rows predicted later are adapted as the
 * run's own rows were.
 */
@Experimental
public interface DomainTransform {

    /**
     * The same rows in the same order with adapted features. A row's domain is its id in
     * {@code rows.schema().domains()}, matched by name to the domains the transform was fitted on.
     */
    Dataset apply(Dataset rows);

    /**
     * What was learnt (covariance maps, per-domain means, ...), by name. The host saves it in
     * {@code model.zip}, and {@link TransformingDomainAdapter#restore} rebuilds this transform from
     * it. Names of domains or columns go in as {@link dev.fulcrum.api.features.StateText}.
     */
    Map<String, INDArray> state();
}
