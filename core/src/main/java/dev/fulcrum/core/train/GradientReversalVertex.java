package dev.fulcrum.core.train;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.BaseGraphVertex;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The working gradient reversal layer of {@link GradientReversal}, with its current lambda. */
final class GradientReversalVertex extends BaseGraphVertex {

    private double lambda;

    GradientReversalVertex(ComputationGraph graph, String name, int index, DataType dataType) {
        super(graph, name, index, null, null, dataType);
    }

    void setLambda(double value) {
        lambda = value;
    }

    double lambda() {
        return lambda;
    }

    @Override
    public boolean hasLayer() {
        return false;
    }

    @Override
    public Layer getLayer() {
        return null;
    }

    @Override
    public INDArray doForward(boolean training, LayerWorkspaceMgr workspaces) {
        try (MemoryWorkspace ignored = workspaces.notifyScopeBorrowed(ArrayType.ACTIVATIONS)) {
            return inputs[0].dup();
        }
    }

    @Override
    public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaces) {
        try (MemoryWorkspace ignored = workspaces.notifyScopeBorrowed(ArrayType.ACTIVATION_GRAD)) {
            return new Pair<>(null, new INDArray[] {epsilon.mul(-lambda)});
        }
    }

    @Override
    public void setBackpropGradientsViewArray(INDArray view) {
        if (view != null) {
            throw new IllegalStateException("a gradient reversal layer has no parameters");
        }
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArrays(INDArray[] masks, MaskState state, int minibatchSize) {
        return masks == null || masks.length == 0 ? null : new Pair<>(masks[0], state);
    }

    @Override
    public String toString() {
        return "GradientReversalVertex(name=" + vertexName + ", lambda=" + lambda + ")";
    }
}
