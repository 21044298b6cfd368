/**
 * Tuning: the contracts between {@code fulcrum tune}, its samplers and pruners, and the study
 * database. A study searches a {@link dev.fulcrum.api.tune.SearchSpace} of config paths for
 * trials that do well on one or several {@link dev.fulcrum.api.tune.Objective}s; a
 * {@link dev.fulcrum.api.tune.Sampler} proposes each trial's values from the trials so far, a
 * {@link dev.fulcrum.api.tune.Pruner} stops unpromising trials between epochs, and a
 * {@link dev.fulcrum.api.tune.StudyStorage} holds every trial so that several workers can share a
 * study and a study survives a crash. The shapes follow Optuna's samplers, pruners and storages,
 * with every intermediate report a map of metrics rather than one number, so that pruning can see
 * every objective.
 */
package dev.fulcrum.api.tune;
