package dev.fulcrum.core.pipeline;

/** One step of a run, in the order the pipeline module lists them. */
interface PipelineStage {

    /** A short name for timings and failure reports, e.g. {@code train}. */
    String name();

    void run(PipelineState state) throws Exception;
}
