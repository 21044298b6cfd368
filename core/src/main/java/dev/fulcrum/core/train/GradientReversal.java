package dev.fulcrum.core.train;

import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of a gradient reversal layer (Ganin and Lempitsky, ICML 2015): the identity on the
 * way forward, {@code -lambda} times the gradient on the way back. It has no parameters; lambda
 * lives on the instantiated {@link GradientReversalVertex}, which the trainer updates as training
 * progresses. Public with a no-argument constructor because DL4J copies configurations through JSON.
 */
public final class GradientReversal extends GraphVertex {

    @Override
    public GradientReversal clone() {
        return new GradientReversal();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GradientReversal;
    }

    @Override
    public int hashCode() {
        return GradientReversal.class.hashCode();
    }

    @Override
    public long numParams(boolean backprop) {
        return 0;
    }

    @Override
    public int minVertexInputs() {
        return 1;
    }

    @Override
    public int maxVertexInputs() {
        return 1;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int index,
                                                                      INDArray paramsView, boolean initializeParams,
                                                                      DataType dataType) {
        return new GradientReversalVertex(graph, name, index, dataType);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... inputs) {
        return inputs[0];
    }

    @Override
    public MemoryReport getMemoryReport(InputType... inputs) {
        return new LayerMemoryReport.Builder(null, GradientReversal.class, inputs[0], inputs[0])
                .standardMemory(0, 0).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }
}
