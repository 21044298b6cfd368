package dev.fulcrum.core.tune;

import java.io.Serializable;
import java.util.List;

/**
 * One trial as a {@link TrialEngine} ships it to the machine that runs it: the study's pipeline (with
 * the command line's overrides and seed, as YAML) and the trial's values, and what its pruner sees of
 * the other trials at the claim. Plain strings, so that any engine's serializer carries it.
 *
 * @param pipelineFolder the folder relative paths of the pipeline resolve against, which must exist
 *                       there too (data is not shipped)
 * @param studyFolder    the study's folder on the driver, which the trial's provenance names
 * @param params         the trial's values, as the study database holds them
 * @param others         every other trial of the study at the claim, for the pruner
 * @param workers        trials the engine runs at once
 */
public record RemoteTrial(String study, int number, String pipelineName, String pipelineSource, String pipelineYaml,
                          String pipelineFolder, String studyFolder, String params, boolean queued,
                          List<TrialSnapshot> others, int workers) implements Serializable {

    public RemoteTrial {
        others = List.copyOf(others);
    }
}
