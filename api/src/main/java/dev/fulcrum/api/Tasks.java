package dev.fulcrum.api;

/** The two task names every Fulcrum run reports: the balance between them is the point of a run. */
@Stable
public final class Tasks {

    /** The task the user wants the model to be good at. */
    public static final String SPECIFIC = "specific";

    /** What the model should stay good at; present where the pipeline configures general data. */
    public static final String GENERAL = "general";

    private Tasks() {
    }
}
